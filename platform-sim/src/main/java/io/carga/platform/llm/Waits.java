package io.carga.platform.llm;

/**
 * Counts the time a request spends in simulated LLM waiting, so the server can report its own processing
 * time separately ({@code platform_processing_seconds}). One instance per request; not shared.
 */
public final class Waits {
    private long waitedNanos;

    /** Sleeps until {@code deadlineNanos} (System.nanoTime), counting the time as simulated waiting. */
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
        long start = System.nanoTime();
        long remaining = deadlineNanos - start;
        if (remaining > 0) {
            Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
        waitedNanos += System.nanoTime() - start;
    }

    public long waitedNanos() {
        return waitedNanos;
    }
}
