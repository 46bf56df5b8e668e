package io.carga.core.threshold;

/**
 * A parsed comparison: {@code metric{scope} op limit}. The limit is in the metric kind's canonical unit
 * (see {@link Kind}).
 *
 * @param currency the currency written with a money limit ({@code R$}), else null
 * @param source   the text as written, for messages
 */
public record Expression(Metric metric, Scope scope, Op op, double limit, Kind kind, String currency, String source) {

    /** Whether {@code measured} satisfies the comparison. */
    public boolean holds(double measured) {
        return op.test(measured, limit);
    }

    public String limitLabel() {
        return kind.format(limit, currency);
    }

    /** The canonical form: {@code p95{tier=api} < 500ms}. */
    public String label() {
        return metric.label() + scope.label() + " " + op.symbol() + " " + limitLabel();
    }

    public Expression withScope(Scope s) {
        return new Expression(metric, s, op, limit, kind, currency, source);
    }

    public Expression withMetric(Metric m) {
        return new Expression(m, scope, op, limit, kind, currency, source);
    }
}
