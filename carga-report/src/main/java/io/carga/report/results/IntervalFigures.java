package io.carga.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the time series keeps of one interval's histograms: each series' latency figures, those of all
 * requests together, and the scheduling lag p99.
 *
 * @param series    by series label; a series without requests in the interval has none
 * @param all       over all requests of the interval, null when there were none
 * @param lagP99    scheduling lag p99, microseconds (0 when nothing was scheduled)
 */
public record IntervalFigures(Map<String, LatencyFigures> series, LatencyFigures all, long lagP99) {

    /** Takes the figures from the snapshot's histograms: what the writer stores, and the reader's answer for an older folder. */
    public static IntervalFigures of(IntervalSnapshot s) {
        Map<String, LatencyFigures> series = new HashMap<>();
        Histogram all = Histograms.newHistogram();
        for (SeriesInterval si : s.requests()) {
            if (si.latency().getTotalCount() > 0) {
                series.put(si.key().label(), LatencyFigures.of(si.latency()));
                all.add(si.latency());
            }
        }
        Histogram lag = s.generator().lag();
        return new IntervalFigures(series, all.getTotalCount() == 0 ? null : LatencyFigures.of(all),
                lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99));
    }

    /** Reads the figures {@link ResultsLogWriter} put in a time-series line. */
    static IntervalFigures fromLine(JsonNode line) {
        Map<String, LatencyFigures> series = new HashMap<>();
        line.path("series").fields().forEachRemaining(f -> {
            LatencyFigures l = LatencyFigures.fromJson(f.getValue().path("l"));
            if (l != null) {
                series.put(f.getKey(), l);
            }
        });
        return new IntervalFigures(series, LatencyFigures.fromJson(line.path("latency")), line.path("gen").path("lag_p99_us").asLong());
    }

    /** The time-series point's latency, as {@link RunAggregate#add} would take it from the histograms. */
    RunAggregate.IntervalLatency point() {
        if (all == null) {
            return new RunAggregate.IntervalLatency(0, 0, 0, 0, Histograms.ms(lagP99));
        }
        return new RunAggregate.IntervalLatency(Histograms.ms(all.at(50)), Histograms.ms(all.at(95)), Histograms.ms(all.at(99)),
                Histograms.ms(all.max()), Histograms.ms(lagP99));
    }
}
