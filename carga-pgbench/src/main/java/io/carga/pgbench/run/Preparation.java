package io.carga.pgbench.run;

import java.util.concurrent.CountDownLatch;

/**
 * How each client gets to the start line, on whichever thread runs it ({@link ClientThreads}): it connects
 * (unless {@code -C}, whose transactions connect). Whatever happens, each client is counted once, so the main
 * thread never waits for a client that died.
 */
final class Preparation {
    private final RunState run;
    final CountDownLatch connected;

    Preparation(RunState run, int clients) {
        this.run = run;
        this.connected = new CountDownLatch(clients);
    }

    /** Connects the client. Never throws: a client that fails is marked aborted, with pgbench's message. */
    void prepare(Client c) {
        try {
            if (!run.config.connect() && !c.aborted) {
                c.session = run.openSession(c.id);
                c.connectedAt = System.nanoTime();
            }
        } catch (Client.Abort a) {
            run.error(a.getMessage());
            c.aborted = true;
        } catch (RuntimeException e) { // the main thread waits for every client: never die silently here
            run.error("client " + c.id + " could not connect: " + e);
            c.aborted = true;
        } finally {
            ready(c);
        }
    }

    /** The client counts as at the start line; once per client. */
    void ready(Client c) {
        if (c.prepared) return;
        c.prepared = true;
        connected.countDown();
    }
}
