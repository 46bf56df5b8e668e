package io.carga.core.metrics;

import java.util.List;

/**
 * Everything measured during one interval (normally one second): the unit handed to every output.
 * Immutable by contract: outputs read it, on the ticker thread, and must not modify its histograms.
 *
 * @param index          0 for the first interval
 * @param startEpochMs   wall-clock start of the interval
 * @param endEpochMs     wall-clock end of the interval
 * @param elapsedSeconds seconds since the run started, at the end of the interval
 * @param users          the most virtual users active at once during the interval
 * @param dropped        iterations that could not start on time during the interval
 * @param requests       one entry per request series that saw traffic (or ever did)
 * @param custom         scenario-recorded metrics
 * @param generator      the generator's own health
 */
public record IntervalSnapshot(long index, long startEpochMs, long endEpochMs, double elapsedSeconds, int users,
                               long dropped, List<SeriesInterval> requests, CustomInterval custom,
                               GeneratorSample generator) {

    public double durationSeconds() {
        return (endEpochMs - startEpochMs) / 1000.0;
    }
}
