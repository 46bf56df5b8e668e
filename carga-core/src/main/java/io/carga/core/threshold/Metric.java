package io.carga.core.threshold;

/**
 * A metric named in a threshold: a latency percentile ({@code p95}, {@code p(99.9)}), or a name that
 * the {@link MetricRegistry} resolves ({@code mean}, {@code error_rate}, {@code rps}, later
 * {@code ttft_p95}, {@code cost_per_request}…).
 *
 * @param name       {@code p} for a percentile, else the metric's name
 * @param percentile 0..100 for a percentile, NaN otherwise
 */
public record Metric(String name, double percentile) {
    public static Metric named(String name) {
        return new Metric(name, Double.NaN);
    }

    public static Metric percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, was " + p);
        }
        return new Metric("p", p);
    }

    public boolean isPercentile() {
        return !Double.isNaN(percentile);
    }

    /** {@code p95}, {@code p99.9}, {@code error_rate}. */
    public String label() {
        return isPercentile() ? "p" + Kind.trim(percentile) : name;
    }

    @Override
    public String toString() {
        return label();
    }
}
