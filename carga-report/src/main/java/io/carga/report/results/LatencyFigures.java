package io.carga.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * One interval's latency, of one series or of all requests, as {@code timeseries.jsonl} keeps it:
 * {@code "l": {"min": 812, "mean": 20410, "p": [19983, …, 98815]}}. Exact over the interval (the writer
 * takes them from the interval's histogram), so charts and stats_history.csv need not decode histograms.
 * Microseconds.
 *
 * @param min         the smallest value, as {@link Histogram#getMinValue()}
 * @param mean        the mean, rounded to the microsecond
 * @param percentiles the values at {@link Percentiles#LOCUST}; the last (100 %) is the largest value
 */
public record LatencyFigures(long min, long mean, long[] percentiles) {

    static LatencyFigures of(Histogram h) {
        return new LatencyFigures(h.getMinValue(), Math.round(h.getMean()), Percentiles.of(h, Percentiles.LOCUST));
    }

    public long max() {
        return percentiles[percentiles.length - 1];
    }

    /** The value at {@code p}, one of {@link Percentiles#LOCUST}. */
    public long at(double p) {
        return percentiles[Percentiles.indexOf(p)];
    }

    ObjectNode toJson() {
        ObjectNode n = RunMeta.JSON.createObjectNode();
        n.put("min", min);
        n.put("mean", mean);
        ArrayNode p = n.putArray("p");
        for (long v : percentiles) {
            p.add(v);
        }
        return n;
    }

    /** The figures in {@code n}, or null when it holds none (an interval without requests, or an older results folder). */
    static LatencyFigures fromJson(JsonNode n) {
        JsonNode p = n.path("p");
        if (p.size() != Percentiles.LOCUST.length) {
            return null;
        }
        long[] values = new long[p.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = p.get(i).asLong();
        }
        return new LatencyFigures(n.path("min").asLong(), n.path("mean").asLong(), values);
    }
}
