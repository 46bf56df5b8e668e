package io.carga.report.capacity;

import java.util.Map;

/**
 * What one capacity step measured during its hold.
 *
 * @param users     the step's users
 * @param seconds   measured seconds
 * @param count     requests
 * @param errors    failed requests
 * @param p95Ms     p95 over all requests
 * @param byName    per request name: its p95, count and errors
 * @param saturated the generator itself was saturated during the step (CPU or scheduling lag)
 */
public record StepStats(int users, double seconds, long count, long errors, double p95Ms, Map<String, NameStats> byName,
                        boolean saturated) {

    /** One request name during one step. */
    public record NameStats(long count, long errors, double p95Ms) {
    }

    public double rps() {
        return seconds <= 0 ? 0 : count / seconds;
    }

    public double errorRate() {
        return count == 0 ? 0 : (double) errors / count;
    }
}
