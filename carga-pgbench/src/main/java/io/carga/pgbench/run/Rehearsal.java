package io.carga.pgbench.run;

import io.carga.core.metrics.MetricsHub;
import io.carga.core.engine.DrivenRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.SQLException;

/**
 * The warm-up rehearsal: after their {@code SELECT 1} warm-up, and before the clock starts, the clients run
 * their scripts for real, as far as the database can tell nothing happened, until the JIT has compiled what
 * the scripts made hot. On two cores shared with the server, whatever the JIT compiles once the clock runs is
 * taken from the server.
 *
 * <p>What makes it a rehearsal of the run's own code, down to the profiles the JIT compiles from:
 * <ul>
 *   <li>each client runs a copy of itself ({@link Client#rehearsal}): its own code path, with copies of its
 *       variables and generator, so the run's random draws are unchanged;</li>
 *   <li>its session sends each command's {@link StandIn} (the queries themselves, transaction control, the
 *       writes on a temporary table) through the very code that sends the command in the run;</li>
 *   <li>the events go to a hub of the rehearsal's own, which a practice run drains as the run's interval thread
 *       will, into outputs of the run's kinds, fifty times a second: a recorder's phase flip at the run's first
 *       interval is not new to the compiled code, and the interval thread's code is compiled too.</li>
 * </ul>
 * Any branch the rehearsal never takes and the run does would send the JIT back to recompile the clients'
 * hot path, during the run: {@code JitSettle}'s figures and {@code -Xlog:deoptimization} tell.
 */
final class Rehearsal {
    /** It lasts at least this long, then until the JIT was about idle for QUIET_MILLIS, at most MAX_MILLIS. */
    static final long MIN_MILLIS = 500;
    static final long QUIET_MILLIS = 300;
    static final long MAX_MILLIS = 5_000;
    /** Transactions per round of a client's copy (see {@link Client#nextRound}). */
    static final int ROUND = 16;

    final RunState run;
    private final MetricsHub hub = new MetricsHub();
    private final CargaRun carga;
    private volatile boolean over;

    Rehearsal(BenchConfig cfg, ConnectionFactory db, CargaRun carga) {
        this.carga = carga;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        this.run = new RunState(cfg.rehearsal(), db, new Console(nowhere, nowhere), hub);
    }

    /**
     * Once the client warmed up, on its thread: turns its session to rehearsing, and returns the copy of it that
     * rehearses ({@link Client#rehearsal}), to be run step by step, round after round ({@link #nextRound}), until
     * {@link #direct} ends the rehearsal or the copy stops at its first error. Then {@link #end}.
     */
    Client begin(Client c) throws SQLException {
        c.session.rehearse(run.scripts, true);
        return c.rehearsal(run);
    }

    /** At the end of a copy's round: false once the rehearsal is over, or the copy stopped at an error. */
    boolean nextRound(Client copy) {
        if (over || copy.aborted) return false;
        copy.nextRound(ROUND);
        return true;
    }

    /** After the rehearsal: rolls its transaction back and turns the session back to normal, as if nothing happened. */
    void end(Client c) throws SQLException {
        if (c.session.inTransaction()) c.session.rollback();
        c.session.rehearse(run.scripts, false);
    }

    /**
     * On the main thread, once every client warmed up: lets them rehearse until the JIT is idle, meanwhile running
     * the run's interval path and the run's kinds of outputs on the rehearsal's measurements ({@link CargaRun#practice});
     * returns the ms.
     */
    long direct() throws InterruptedException {
        DrivenRun practice = carga.practice(hub);
        long waited = JitSettle.await(MIN_MILLIS, QUIET_MILLIS, MAX_MILLIS, () -> { });
        over = true;
        practice.finish();
        return waited;
    }
}
