package io.carga.core.threshold;

import java.time.Duration;

/**
 * A windowed alert rule, Prometheus-style: the condition is judged every interval over the last
 * {@code window}, and the alert fires once it has held for {@code forDuration} (at once when zero). It
 * resolves the first interval the condition no longer holds.
 *
 * @param name        the spec's name, {@code High Response Time}
 * @param condition   what is wrong when it holds, {@code p95 > 1000ms}
 * @param forDuration how long the condition must hold before firing
 * @param window      the span each evaluation looks back over
 * @param severity    {@code warning}, {@code critical}…
 * @param text        the condition as written in the plan
 */
public record AlertRule(String name, Expression condition, Duration forDuration, Duration window, String severity,
                        String text) {
    /** Window when a rule names none: Prometheus' usual rate window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    public AlertRule {
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("alert " + name + ": the window must be positive");
        }
        if (forDuration == null || forDuration.isNegative()) {
            forDuration = Duration.ZERO;
        }
    }
}
