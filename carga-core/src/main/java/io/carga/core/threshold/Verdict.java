package io.carga.core.threshold;

/**
 * How one threshold fared.
 *
 * @param measured the metric's value in the kind's canonical unit, NaN when not evaluated
 * @param note     why it was not evaluated, else null
 */
public record Verdict(Threshold threshold, Status status, double measured, String note) {
    public enum Status {
        PASSED, FAILED,
        /** No data for the metric (no matching request, or a metric a later module provides). Not a failure. */
        NOT_EVALUATED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public String measuredLabel() {
        Expression e = threshold.expression();
        return e.kind().formatMeasured(measured, e.currency());
    }

    /** {@code p95{tier=api} < 500ms: measured 612.4ms (limit 500ms)}. */
    public String message() {
        Expression e = threshold.expression();
        String head = e.label() + ": ";
        return switch (status) {
            case PASSED -> head + "measured " + measuredLabel() + " (limit " + e.op().symbol() + " " + e.limitLabel() + ")";
            case FAILED -> head + "measured " + measuredLabel() + ", limit " + e.op().symbol() + " " + e.limitLabel();
            case NOT_EVALUATED -> head + "not evaluated (" + note + ")";
        };
    }
}
