package io.carga.core.engine;

/**
 * Runs one load model's plan: starts virtual users as the plan says until it ends or the run stops.
 * {@link #run} returns when no new work should start; the engine then lets in-flight work finish
 * (grace period), cuts what remains, and calls {@link #close}.
 */
interface Executor {
    void run(RunState run) throws InterruptedException;

    /**
     * The plan of this executor's scenario ended while other scenarios of the run go on: ask the users it
     * keeps looping to leave after their current task (an open model's iterations end by themselves).
     */
    default void stopUsers() {
    }

    /** After the last user stopped: release what the executor kept (idle pooled users). */
    default void close(RunState run) {
    }

    /** Parks until {@code deadline} or until the run stops. */
    static void sleepUntil(RunState run, long deadline) {
        long now;
        while (!run.stopping && (now = System.nanoTime()) < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(deadline - now, 50_000_000L));
        }
    }
}
