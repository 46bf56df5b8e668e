package io.carga.report.html;

import io.carga.core.metrics.Histograms;
import io.carga.report.results.LatencyFigures;
import io.carga.report.results.Percentiles;

/**
 * The latency figures of several intervals made into one: the minimum and maximum exactly, the mean
 * exactly (weighted by requests), the percentiles as their intervals' averaged by request count. Exact
 * percentiles need the histograms, which a report of a long run cannot afford to decode; of one interval
 * the result is that interval's own figures, unchanged. Milliseconds out.
 */
final class LatencyBlend {
    private final double[] weightedPercentiles = new double[Percentiles.LOCUST.length];
    private double weightedMean;
    private long requests;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Adds one interval's figures, which {@code requests} requests made (no figures: nothing to add). */
    void add(LatencyFigures f, long requests) {
        if (f == null || requests <= 0) {
            return;
        }
        for (int i = 0; i < weightedPercentiles.length; i++) {
            weightedPercentiles[i] += (double) f.percentiles()[i] * requests;
        }
        weightedMean += (double) f.mean() * requests;
        this.requests += requests;
        min = Math.min(min, f.min());
        max = Math.max(max, f.max());
    }

    void add(LatencyBlend other) {
        for (int i = 0; i < weightedPercentiles.length; i++) {
            weightedPercentiles[i] += other.weightedPercentiles[i];
        }
        weightedMean += other.weightedMean;
        requests += other.requests;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** At {@link Percentiles#LOCUST}; the last (100 %) is the maximum. */
    double[] percentilesMs() {
        double[] out = new double[weightedPercentiles.length];
        for (int i = 0; i < out.length - 1; i++) {
            out[i] = percentileMs(i);
        }
        out[out.length - 1] = maxMs();
        return out;
    }

    double medianMs() {
        return percentileMs(Percentiles.indexOf(50));
    }

    private double percentileMs(int index) {
        return requests == 0 ? 0 : Histograms.ms(weightedPercentiles[index] / requests);
    }

    double meanMs() {
        return requests == 0 ? 0 : Histograms.ms(weightedMean / requests);
    }

    double minMs() {
        return requests == 0 ? 0 : Histograms.ms(min);
    }

    double maxMs() {
        return requests == 0 ? 0 : Histograms.ms(max);
    }
}
