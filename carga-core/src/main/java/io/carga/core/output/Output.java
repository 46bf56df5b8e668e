package io.carga.core.output;

import io.carga.core.metrics.IntervalSnapshot;

/**
 * A consumer of a run's measurements: the console, the results log, thresholds, the budget guard,
 * Prometheus, the live UI. All outputs are equal; the engine special-cases none.
 *
 * <p>Threading: every method is called on the engine's interval thread, never on a virtual user's, in the
 * order start, interval*, finish. A slow output delays the next snapshot but never the users; an
 * exception is reported once and the output is skipped from then on, and the run goes on.
 */
public interface Output {
    /** The run is about to start. Keep the {@link RunInfo#control()} to stop it early. */
    default void start(RunInfo info) throws Exception {
    }

    /** One interval's measurements. Must not modify the snapshot. */
    void interval(IntervalSnapshot snapshot) throws Exception;

    /**
     * The run's load was changed while it runs (the web UI, the API). Delivered on the interval thread before
     * the interval in which it took effect.
     */
    default void loadChanged(io.carga.core.load.LoadChange change) throws Exception {
    }

    /** The run is over; the last interval has been delivered. */
    default void finish(RunResult result) throws Exception {
    }
}
