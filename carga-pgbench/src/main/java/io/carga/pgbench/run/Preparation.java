package io.carga.pgbench.run;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/**
 * How each client gets to the start line, on whichever thread runs it ({@link ClientThreads}): it connects,
 * runs its share of the {@code SELECT 1} warm-up, then rehearses its scripts ({@link Rehearsal}) until the main
 * thread says the JIT is idle. Whatever happens, each client is counted connected once, so the main thread
 * never waits for a client that died.
 */
final class Preparation {
    private final RunState run;
    private final int warmUpEach;
    private final Rehearsal rehearsal;
    final CountDownLatch warmedUp;
    final CountDownLatch connected;

    /** @param rehearsal null for none */
    Preparation(RunState run, int clients, int warmUpEach, Rehearsal rehearsal) {
        this.run = run;
        this.warmUpEach = warmUpEach;
        this.rehearsal = rehearsal;
        this.warmedUp = new CountDownLatch(clients);
        this.connected = new CountDownLatch(clients);
    }

    /**
     * Connects the client (unless {@code -C}, whose transactions connect) and warms it up; returns the copy of it
     * that rehearses, to be run step by step, round after round ({@link #afterRound}), or null.
     * Never throws: a client that fails is marked aborted, with pgbench's message.
     */
    Client prepare(Client c) {
        if (run.config.connect() || c.aborted) return null;
        boolean warm = false;
        try {
            c.session = run.openSession(c.id);
            c.connectedAt = System.nanoTime();
            c.session.warmUp(warmUpEach);
            warm = true;
            warmedUp.countDown();
            return rehearsal != null ? rehearsal.begin(c) : null;
        } catch (Client.Abort a) {
            run.error(a.getMessage());
        } catch (SQLException e) {
            run.error("client " + c.id + " could not warm up: " + e.getMessage());
        } catch (RuntimeException e) { // the main thread waits for every client: never die silently here
            run.error("client " + c.id + " could not connect: " + e);
        } finally {
            if (!warm) warmedUp.countDown();
        }
        c.aborted = true;
        return null;
    }

    /**
     * When the client's rehearsal copy ran its round (or at once, without a rehearsal): true for another round; else
     * the client is {@link #ready}.
     */
    boolean afterRound(Client copy, Client c) {
        if (copy != null && rehearsal.nextRound(copy)) return true;
        ready(c);
        return false;
    }

    /** After the rehearsal, if any: the session as it was before it; then the client counts as connected. Once per client. */
    void ready(Client c) {
        if (c.prepared) return;
        try {
            if (rehearsal != null && !c.aborted && c.session != null) rehearsal.end(c);
        } catch (SQLException | RuntimeException e) {
            run.error("client " + c.id + " could not end its warm-up: " + e.getMessage());
            c.aborted = true;
        } finally {
            c.prepared = true;
            connected.countDown();
        }
    }
}
