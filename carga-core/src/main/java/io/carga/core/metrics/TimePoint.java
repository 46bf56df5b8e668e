package io.carga.core.metrics;

/**
 * One interval of the run's time series, totals over all series. Latencies in milliseconds.
 *
 * @param outcomes counts indexed by {@link io.carga.core.event.Outcome#ordinal()}
 */
public record TimePoint(double elapsedSeconds, long epochMs, int users, double rps, long requests, long errors,
                        long dropped, double p50, double p95, double p99, double max, long[] outcomes, double cpu,
                        double lagP99Ms) {
}
