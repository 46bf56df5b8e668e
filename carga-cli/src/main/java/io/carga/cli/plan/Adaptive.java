package io.carga.cli.plan;

import io.carga.core.metrics.RunAggregate;

/**
 * The spec's adaptive rule (section 4.2), applied after each run: too many errors → run longer to see
 * why; too slow → add stress scenarios; otherwise → reduce the scope and save money.
 */
public final class Adaptive {
    public static final String INCREASE_DURATION = "increase_test_duration";
    public static final String ADD_STRESS = "add_stress_scenarios";
    public static final String REDUCE_SCOPE = "reduce_test_scope";

    /** The next step and why. */
    public record Advice(String action, String reason, double errorRate, double p95Ms) {
    }

    private Adaptive() {
    }

    public static Advice advise(Plan.Adaptive limits, RunAggregate a) {
        long count = a.total().count();
        double errorRate = count == 0 ? 0 : (double) a.total().errors() / count;
        return advise(limits, errorRate, a.total().latencyMs(95));
    }

    public static Advice advise(Plan.Adaptive limits, double errorRate, double p95Ms) {
        if (errorRate > limits.errorRate()) {
            return new Advice(INCREASE_DURATION, String.format(java.util.Locale.ROOT, "error rate %.2f%% is above %.2f%%",
                    errorRate * 100, limits.errorRate() * 100), errorRate, p95Ms);
        }
        if (p95Ms > limits.p95Ms()) {
            return new Advice(ADD_STRESS, String.format(java.util.Locale.ROOT, "p95 %.0fms is above %.0fms", p95Ms, limits.p95Ms()),
                    errorRate, p95Ms);
        }
        return new Advice(REDUCE_SCOPE, "error rate and p95 are within the adaptive limits", errorRate, p95Ms);
    }
}
