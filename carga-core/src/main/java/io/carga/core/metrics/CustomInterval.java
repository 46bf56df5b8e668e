package io.carga.core.metrics;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Scenario metrics for one interval.
 *
 * @param counters what was added to each counter during the interval
 * @param gauges   each gauge's last value
 * @param timings  each timing's interval histogram, in microseconds
 */
public record CustomInterval(Map<SeriesKey, Double> counters, Map<SeriesKey, Double> gauges,
                             Map<SeriesKey, Histogram> timings) {
    public static final CustomInterval EMPTY = new CustomInterval(Map.of(), Map.of(), Map.of());
}
