package io.carga.pgbench.run;

import io.carga.pgbench.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Starts the clients on the threads {@link Threading} asks for. Each client is first connected
 * ({@link Preparation}), then waits for {@code go}, then runs its transactions, one {@link Client#step} each,
 * until it is done. On {@link Threading#LOOP} a job's thread does each phase for all its clients together on its
 * {@link EventLoop}, and waits for {@code go} itself between them.
 */
final class ClientThreads {
    private ClientThreads() {
    }

    /**
     * @param ended  told of each client once it ran its last transaction
     * @param error  where a job's thread reports what ended it early
     */
    static List<Thread> start(Threading mode, List<List<Client>> groups, Preparation prep, CountDownLatch go,
                              Consumer<Client> ended, Consumer<String> error) {
        List<Thread> threads = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Client> clients = groups.get(g);
            if (mode == Threading.LOOP) {
                EventLoop loop = new EventLoop();
                threads.add(loop.newThread("carga-db-client-loop-" + g, () -> runLoop(loop, clients, prep, go, ended, error)));
                continue;
            }
            for (Client c : clients) {
                Thread.Builder b = mode == Threading.VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
                threads.add(b.name("carga-db-client-" + c.id).unstarted(() -> {
                    prep.prepare(c);
                    await(go);
                    while (c.step()) {
                        // a transaction per step
                    }
                    ended.accept(c);
                }));
            }
        }
        for (Thread t : threads) t.start();
        return threads;
    }

    private static void runLoop(EventLoop loop, List<Client> clients, Preparation prep, CountDownLatch go,
                                Consumer<Client> ended, Consumer<String> error) {
        try {
            for (Client c : clients) loop.spawn(() -> prep.prepare(c));
            loop.run();
        } catch (RuntimeException | Error e) {
            error.accept("a job's thread ended: " + e);
            for (Client c : clients) {
                c.aborted = true;
                prep.ready(c); // counts the ones not counted yet in, without a word to the server
            }
            return;
        }
        await(go);
        for (Client c : clients) {
            loop.spawnSteps(() -> {
                if (c.step()) return true;
                ended.accept(c);
                return false;
            });
        }
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
