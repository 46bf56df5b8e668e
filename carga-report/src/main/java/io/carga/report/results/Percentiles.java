package io.carga.report.results;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Several percentiles of one histogram in a single pass over its recorded values, with exactly
 * {@link Histogram#getValueAtPercentile}'s answers (same count rule, same rounding), which would scan
 * the counts once per percentile. Values stay in the histogram's unit.
 */
public final class Percentiles {
    /** Locust's percentile columns, also the report's. */
    public static final double[] LOCUST = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};

    private Percentiles() {
    }

    /** Where {@code p} is in {@link #LOCUST}. */
    public static int indexOf(double p) {
        for (int i = 0; i < LOCUST.length; i++) {
            if (LOCUST[i] == p) {
                return i;
            }
        }
        throw new IllegalArgumentException("not one of the kept percentiles: " + p);
    }

    /** {@code out[i] = h.getValueAtPercentile(ps[i])}; {@code ps} ascending; zeros for an empty histogram. */
    public static long[] of(Histogram h, double... ps) {
        long[] out = new long[ps.length];
        long total = h.getTotalCount();
        if (total == 0) {
            return out;
        }
        long[] targets = new long[ps.length];
        for (int i = 0; i < ps.length; i++) {
            double p = Math.min(Math.max(Math.nextAfter(ps[i], Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
            targets[i] = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        }
        int next = 0;
        long seen = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            while (next < ps.length && seen >= targets[next]) {
                long value = v.getValueIteratedTo();
                out[next] = ps[next] == 0.0 ? h.lowestEquivalentValue(value) : h.highestEquivalentValue(value);
                next++;
            }
            if (next == ps.length) {
                break;
            }
        }
        return out;
    }
}
