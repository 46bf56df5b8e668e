package io.carga.pgbench.run;

import io.carga.pgbench.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Starts the clients on the threads {@link Threading} asks for. Each client is first prepared (connected,
 * warmed up), then waits for {@code go}, then runs {@code body}. On {@link Threading#LOOP} a job's thread
 * prepares all its clients together on its {@link EventLoop}, waits for {@code go} itself, then runs them all.
 */
final class ClientThreads {
    private ClientThreads() {
    }

    /**
     * @param prepare connects one client; it must mark it {@link Client#prepared} and count it connected, whatever happens
     * @param error   where a job's thread reports what ended it early
     */
    static List<Thread> start(Threading mode, List<List<Client>> groups, Consumer<Client> prepare, CountDownLatch go,
                              Consumer<Client> body, Consumer<String> error) {
        List<Thread> threads = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Client> clients = groups.get(g);
            if (mode == Threading.LOOP) {
                EventLoop loop = new EventLoop();
                threads.add(loop.newThread("carga-db-client-loop-" + g, () -> runLoop(loop, clients, prepare, go, body, error)));
                continue;
            }
            for (Client c : clients) {
                Thread.Builder b = mode == Threading.VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
                threads.add(b.name("carga-db-client-" + c.id).unstarted(() -> {
                    prepare.accept(c);
                    await(go);
                    body.accept(c);
                }));
            }
        }
        for (Thread t : threads) t.start();
        return threads;
    }

    private static void runLoop(EventLoop loop, List<Client> clients, Consumer<Client> prepare, CountDownLatch go,
                                Consumer<Client> body, Consumer<String> error) {
        try {
            for (Client c : clients) loop.spawn(() -> prepare.accept(c));
            loop.run();
        } catch (RuntimeException | Error e) {
            error.accept("a job's thread ended: " + e);
            for (Client c : clients) {
                c.aborted = true;
                if (!c.prepared) prepare.accept(c); // connects nothing for an aborted client, only counts it in
            }
            return;
        }
        await(go);
        for (Client c : clients) loop.spawn(() -> body.accept(c));
        loop.run();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
