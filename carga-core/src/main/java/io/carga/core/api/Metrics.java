package io.carga.core.api;

import io.carga.core.event.Tags;
import java.time.Duration;

/**
 * Metrics that scenario code records itself, next to the request statistics. Handles are cheap to
 * look up but cheaper to keep: fetch one in {@code onStart} and reuse it. All methods are thread-safe
 * and never block.
 *
 * <pre>{@code
 * Metrics.Counter orders = metrics().counter("orders_placed", Tags.of("region", "SP"));
 * orders.add(1);
 * metrics().timing("render", Tags.EMPTY).record(Duration.ofMillis(12));
 * }</pre>
 */
public interface Metrics {
    Counter counter(String name, Tags tags);

    Gauge gauge(String name, Tags tags);

    Timing timing(String name, Tags tags);

    default Counter counter(String name) {
        return counter(name, Tags.EMPTY);
    }

    default Gauge gauge(String name) {
        return gauge(name, Tags.EMPTY);
    }

    default Timing timing(String name) {
        return timing(name, Tags.EMPTY);
    }

    /** A running total; each interval reports what was added during it. */
    interface Counter {
        void add(double amount);

        default void increment() {
            add(1);
        }
    }

    /** A value that goes up and down; each interval reports the last one set. */
    interface Gauge {
        void set(double value);
    }

    /** A distribution of durations, kept in an HdrHistogram (1 µs to 1 h). */
    interface Timing {
        void recordNanos(long nanos);

        default void record(Duration d) {
            recordNanos(d.toNanos());
        }
    }
}
