package io.carga.core.threshold;

import java.util.OptionalDouble;

/**
 * How one metric is read off a {@link MetricView}: the extension point through which later modules add
 * their metrics (TTFT, cost per request, quality score, query latency) to thresholds and alert rules.
 *
 * <p>Called on the engine's interval thread, once per threshold or rule per interval and at the end;
 * must be quick and must not block. Returns empty when the view holds no data for the metric (no
 * requests yet, no event carried the field): the threshold is then "not evaluated", not failed.
 *
 * <pre>{@code
 * registry.register("ttft_p95", Kind.TIME, v -> pct(v.timings().get("ttft"), 95));
 * }</pre>
 *
 */
@FunctionalInterface
public interface Measure {
    /**
     * @param view   what the threshold's scope measured over the span being judged
     * @param metric the metric as written (its percentile, for percentile metrics)
     */
    OptionalDouble measure(MetricView view, Metric metric);
}
