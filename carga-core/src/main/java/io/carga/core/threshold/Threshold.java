package io.carga.core.threshold;

import java.time.Duration;

/**
 * One SLA threshold of a run.
 *
 * @param group       where it came from, for reports: {@code response_times}, {@code throughput},
 *                    {@code thresholds}, {@code stage:smoke_test}…
 * @param name        a stable name within the group ({@code api_endpoints}), or the expression's label
 * @param expression  what must hold
 * @param abortOnFail stop the run (exit code 3) as soon as it fails while running
 * @param abortDelay  with abortOnFail: not judged before the run is this old, so a cold start does not abort
 */
public record Threshold(String group, String name, Expression expression, boolean abortOnFail, Duration abortDelay) {
    public Threshold {
        if (abortDelay == null) {
            abortDelay = Duration.ZERO;
        }
    }

    public static Threshold of(String group, Expression e) {
        return new Threshold(group, e.label(), e, false, Duration.ZERO);
    }

    public Threshold abortingAfter(Duration delay) {
        return new Threshold(group, name, expression, true, delay);
    }
}
