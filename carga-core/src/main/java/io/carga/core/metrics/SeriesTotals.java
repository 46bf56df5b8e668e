package io.carga.core.metrics;

import io.carga.core.event.Outcome;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Cumulative statistics of one series (or of all of them) over a whole run. */
public final class SeriesTotals {
    private final Histogram latency = Histograms.newHistogram();
    private final Histogram service = Histograms.newHistogram();
    private final long[] outcomes = new long[Outcome.values().length];
    private final Map<String, Double> fieldSums = new TreeMap<>();
    private final Map<String, Long> failures = new TreeMap<>();
    private long bytesIn;
    private long bytesOut;

    void addHistograms(Histogram latency, Histogram service) {
        this.latency.add(latency);
        this.service.add(service);
    }

    void addCounts(SeriesInterval s) {
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] += s.outcomes()[i];
        }
        bytesIn += s.bytesIn();
        bytesOut += s.bytesOut();
        s.fieldSums().forEach((k, v) -> fieldSums.merge(k, v, Double::sum));
        s.failures().forEach((k, v) -> failures.merge(k, v, Long::sum));
    }

    /** Failed requests by reason, over the run. */
    public Map<String, Long> failures() {
        return failures;
    }

    /** Latency from the intended start, microseconds. */
    public Histogram latency() {
        return latency;
    }

    /** Service time from the actual send, microseconds. */
    public Histogram service() {
        return service;
    }

    public long count() {
        long n = 0;
        for (long c : outcomes) {
            n += c;
        }
        return n;
    }

    public long errors() {
        return count() - outcomes[Outcome.OK.ordinal()];
    }

    public long count(Outcome o) {
        return outcomes[o.ordinal()];
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public Map<String, Double> fieldSums() {
        return fieldSums;
    }

    /** A latency percentile in milliseconds (0 when empty). */
    public double latencyMs(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : Histograms.ms(latency.getValueAtPercentile(percentile));
    }
}
