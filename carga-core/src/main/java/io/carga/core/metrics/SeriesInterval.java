package io.carga.core.metrics;

import io.carga.core.event.Outcome;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one series did during one interval. The histograms hold microseconds and are owned by the
 * snapshot: outputs read them and must not change them.
 *
 * @param outcomes  counts indexed by {@link Outcome#ordinal()}
 * @param fieldSums sums of the events' extra fields (tokens, cost…)
 * @param failures  failed requests counted by their reason (Locust's failures table), at most
 *                  {@value RequestSeries#MAX_REASONS} distinct reasons per series and interval
 */
public record SeriesInterval(SeriesKey key, Histogram latency, Histogram service, long[] outcomes,
                             long bytesIn, long bytesOut, Map<String, Double> fieldSums, Map<String, Long> failures) {

    public SeriesInterval {
        failures = failures == null ? Map.of() : failures;
    }

    /** An interval without failure reasons. */
    public SeriesInterval(SeriesKey key, Histogram latency, Histogram service, long[] outcomes, long bytesIn,
                          long bytesOut, Map<String, Double> fieldSums) {
        this(key, latency, service, outcomes, bytesIn, bytesOut, fieldSums, Map.of());
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

    public long count(Outcome outcome) {
        return outcomes[outcome.ordinal()];
    }
}
