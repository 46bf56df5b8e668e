package io.carga.shadow.latency;

import io.carga.core.metrics.Histograms;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * One endpoint's latency on both sides, for the same requests: an HdrHistogram each (microseconds, as every
 * carga histogram), and a bounded reservoir of pairs (Vitter's algorithm R) for the bootstrap, so memory stays
 * the same however long the shadow runs. Not thread-safe: the endpoint's statistics hold its lock.
 */
public final class PairedLatency {
    /** Pairs kept for the confidence interval; a uniform sample of all pairs once there are more. */
    public static final int RESERVOIR = 4096;
    private final Histogram primary = Histograms.newHistogram();
    private final Histogram candidate = Histograms.newHistogram();
    private final long[] pairsPrimary = new long[RESERVOIR];
    private final long[] pairsCandidate = new long[RESERVOIR];
    private final SplittableRandom random;
    private long pairs;

    public PairedLatency(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One request's two latencies, in nanoseconds. */
    public void record(long primaryNanos, long candidateNanos) {
        long p = Histograms.micros(primaryNanos);
        long c = Histograms.micros(candidateNanos);
        primary.recordValue(p);
        candidate.recordValue(c);
        int slot = pairs < RESERVOIR ? (int) pairs : (int) random.nextLong(pairs + 1);
        if (slot < RESERVOIR) {
            pairsPrimary[slot] = p;
            pairsCandidate[slot] = c;
        }
        pairs++;
    }

    public long count() {
        return pairs;
    }

    /** The side's latency at {@code percentile}, in ms; 0 without data. */
    public double primaryMs(double percentile) {
        return ms(primary, percentile);
    }

    public double candidateMs(double percentile) {
        return ms(candidate, percentile);
    }

    /** The {@code level} (0.95) bootstrap confidence interval of candidate p99 minus primary p99, in ms. */
    public double[] p99DeltaCiMs(int resamples, double level) {
        int n = (int) Math.min(pairs, RESERVOIR);
        if (n == 0) {
            return new double[] {0, 0};
        }
        double[] ci = Bootstrap.percentileDeltaCi(java.util.Arrays.copyOf(pairsPrimary, n), java.util.Arrays.copyOf(pairsCandidate, n),
                99, resamples, level, random.split());
        return new double[] {ci[0] / 1000, ci[1] / 1000};
    }

    public Histogram primary() {
        return primary;
    }

    public Histogram candidate() {
        return candidate;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : Histograms.ms(h.getValueAtPercentile(percentile));
    }
}
