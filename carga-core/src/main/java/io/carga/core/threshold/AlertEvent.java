package io.carga.core.threshold;

/**
 * An alert changing state during a run.
 *
 * @param atEpochMs when, by the run's clock (the end of the interval that changed it)
 * @param value     the condition's metric at that moment, canonical unit, NaN without data
 */
public record AlertEvent(AlertRule rule, State state, long atEpochMs, double value) {
    public enum State { FIRING, RESOLVED }

    /** {@code ALERT FIRING High Response Time [warning]: p95 > 1000ms (now 1.2s)}. */
    public String message() {
        Expression c = rule.condition();
        return "ALERT " + state + " " + rule.name() + " [" + rule.severity() + "]: " + rule.text()
                + " (now " + c.kind().formatMeasured(value, c.currency()) + ")";
    }
}
