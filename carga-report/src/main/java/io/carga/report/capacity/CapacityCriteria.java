package io.carga.report.capacity;

import io.carga.report.advice.Kinds;

/**
 * When a step counts as stable: every request name's p95 within its SLA, errors at most
 * {@code maxErrorRate}, and throughput still growing with the users.
 *
 * @param p95LimitMs   one p95 limit for every name, or NaN for the spec's tiers by kind (section 1.1:
 *                     database 100 ms, WhatsApp webhook 200 ms, API 500 ms, AI 800 ms, uploads 2 s)
 * @param maxErrorRate failed share allowed, 0..1 (the 1 %)
 * @param minGrowth    share of the expected throughput gain a step must deliver: with 0.25, going from
 *                     10 to 20 users must raise rps by at least 25 % of the doubling
 */
public record CapacityCriteria(double p95LimitMs, double maxErrorRate, double minGrowth) {
    public static final CapacityCriteria SPEC = new CapacityCriteria(Double.NaN, 0.01, 0.25);

    /** The p95 limit that applies to {@code name}. */
    public double limitFor(String name) {
        return Double.isNaN(p95LimitMs) ? Kinds.of(name).p95SlaMs() : p95LimitMs;
    }
}
