package io.carga.pgbench.cli;

import io.carga.core.output.StopReason;
import io.carga.pgbench.run.CargaRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a run: the clients stop after their current transaction, pgbench's report
 * and the results folder are written, then the JVM ends with its own signal status (130, 143), as for
 * {@code carga run}. pgbench itself just dies; a load test killed half-way should still leave its figures.
 */
final class SignalStop implements AutoCloseable {
    /** How long the JVM is kept alive for the report and the results (the clients stop within a transaction). */
    private static final long WAIT_MS = 30_000;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private SignalStop(CargaRun run) {
        hook = new Thread(() -> {
            run.stop(StopReason.SIGNAL, "stopped by a signal (Ctrl-C or SIGTERM)");
            try {
                done.await(WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "carga-db-shutdown");
    }

    static SignalStop install(CargaRun run) {
        SignalStop s = new SignalStop(run);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** The run's outputs are written: the JVM may exit. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of a signal: the hook is running, nothing to remove
        }
    }
}
