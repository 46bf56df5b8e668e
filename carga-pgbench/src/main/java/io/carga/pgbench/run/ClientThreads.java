package io.carga.pgbench.run;

import io.carga.pgbench.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Starts the clients on the threads {@link Threading} asks for. Each client is first prepared (connected, warmed
 * up, its rehearsal run: {@link Preparation}), then waits for {@code go}, then runs its transactions, one
 * {@link Client#step} each, until it is done. On {@link Threading#LOOP} a job's thread does each phase for all its
 * clients together on its {@link EventLoop}, and waits for {@code go} itself between them.
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
                    try {
                        Steps.run(prep.prepare(c), prep::afterRound, c);
                    } finally {
                        prep.ready(c); // if its rehearsal threw: the main thread waits for every client
                    }
                    await(go);
                    Steps.run(c, last(ended), c);
                }));
            }
        }
        for (Thread t : threads) t.start();
        return threads;
    }

    private static void runLoop(EventLoop loop, List<Client> clients, Preparation prep, CountDownLatch go,
                                Consumer<Client> ended, Consumer<String> error) {
        try {
            Client[] rehearsing = new Client[clients.size()];
            for (int i = 0; i < rehearsing.length; i++) {
                int k = i;
                loop.spawn(() -> rehearsing[k] = prep.prepare(clients.get(k)));
            }
            loop.run();
            for (int i = 0; i < rehearsing.length; i++) {
                loop.spawnSteps(new Steps(rehearsing[i], prep::afterRound, clients.get(i)));
            }
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
        BiPredicate<Client, Client> last = last(ended);
        for (Client c : clients) loop.spawnSteps(new Steps(c, last, c));
        loop.run();
    }

    private static BiPredicate<Client, Client> last(Consumer<Client> ended) {
        return (stepping, client) -> {
            ended.accept(client);
            return false;
        };
    }

    /**
     * A client's transactions, one per step, in rounds: at the end of one, {@code after} says whether another
     * follows. The rehearsal and the run go through this same code, so that what the JIT compiled from the one
     * serves the other as it is: a call site that meets a new class in the run sends the whole compiled path back
     * to the JIT.
     */
    private static final class Steps implements BooleanSupplier {
        private final Client stepping;
        private final BiPredicate<Client, Client> after;
        private final Client client;

        /** @param stepping the client whose steps run (null: none); {@code after} is told of it and of {@code client} */
        Steps(Client stepping, BiPredicate<Client, Client> after, Client client) {
            this.stepping = stepping;
            this.after = after;
            this.client = client;
        }

        static void run(Client stepping, BiPredicate<Client, Client> after, Client client) {
            Steps s = new Steps(stepping, after, client);
            while (s.getAsBoolean()) {
                // a transaction per step
            }
        }

        @Override
        public boolean getAsBoolean() {
            if (stepping != null && stepping.step()) return true;
            return after.test(stepping, client);
        }
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
