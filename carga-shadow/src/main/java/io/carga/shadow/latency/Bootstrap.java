package io.carga.shadow.latency;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paired percentile bootstrap (Efron): resample the request pairs with replacement, take the percentile's
 * difference in each resample, and read the interval off those differences. Pairs are resampled together so the
 * interval keeps what both sides shared (the same request, the same moment), which a comparison of two
 * independent samples would count as spread.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param a         one side's values, paired index by index with {@code b}
     * @param level     the interval's coverage, e.g. 0.95
     * @return {low, high} of percentile(b) - percentile(a), in the values' unit
     */
    public static double[] percentileDeltaCi(long[] a, long[] b, double percentile, int resamples, double level, SplittableRandom random) {
        int n = a.length;
        double[] deltas = new double[resamples];
        long[] ra = new long[n];
        long[] rb = new long[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                ra[i] = a[j];
                rb[i] = b[j];
            }
            deltas[r] = percentile(rb, percentile) - percentile(ra, percentile);
        }
        Arrays.sort(deltas);
        double tail = (1 - level) / 2;
        return new double[] {deltas[index(tail, resamples)], deltas[index(1 - tail, resamples)]};
    }

    /** The nearest-rank percentile of {@code values}, which it sorts. */
    static double percentile(long[] values, double percentile) {
        Arrays.sort(values);
        int rank = (int) Math.ceil(percentile / 100 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    private static int index(double q, int n) {
        return Math.max(0, Math.min(n - 1, (int) Math.round(q * (n - 1))));
    }
}
