package io.carga.pgbench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * pgbench's thread: one platform thread that runs many clients, each written as plain blocking code. A client
 * runs as a continuation ({@link Continuations}) until it must wait, for a socket ({@link LoopSocket}) or a
 * time ({@link #parkUntil}); it then yields, and the loop runs the next client that can go on. When none
 * can, the loop polls every socket it waits on with one {@code epoll_wait}, as pgbench's threads do with
 * {@code poll}: a thread wakes once for all the replies that came in meanwhile, not once per reply.
 *
 * <pre>{@code
 * EventLoop loop = new EventLoop();
 * for (Client c : clients) loop.spawnSteps(c::step);   // a transaction per step
 * loop.run();   // on a LoopThread, returns when every client ended
 * }</pre>
 *
 * Everything here runs on the loop's own thread.
 */
public final class EventLoop {
    /** Below this, a timed wait polls once and parks instead of {@code epoll_wait}, whose timeout is in ms. */
    private static final long PARK_BELOW_NANOS = 1_000_000;

    private final Selector selector;
    private final ArrayDeque<Fiber> ready = new ArrayDeque<>();
    private final PriorityQueue<Fiber> timers = new PriorityQueue<>(Comparator.comparingLong(f -> f.wakeAt));
    private final java.util.function.Consumer<SelectionKey> onSelected = this::selected;
    private Fiber current;
    private int live;

    /**
     * One client: its steps, the continuation of the one under way, and what it waits for. Each step runs on a
     * continuation of its own: the JDK suspends and resumes a continuation on its fast paths only while every
     * frame on it is compiled code, and the frames at a continuation's bottom are the ones entered once per
     * continuation. Entered once per client, they stayed interpreted for the whole run, and every suspension
     * took the slow path (perf: 8 % of the client's CPU in freezing and thawing, against 4 % with a
     * continuation per transaction, whose bottom frames the JIT compiles like any hot method).
     */
    private static final class Fiber {
        final BooleanSupplier step;
        final Runnable body = this::runStep;
        Object continuation;
        boolean again;
        SelectionKey waitingOn;
        long wakeAt;

        Fiber(BooleanSupplier step) {
            this.step = step;
        }

        private void runStep() {
            again = step.getAsBoolean();
        }

        /** Runs the current step until it waits; when it ends, the next one right away. False once all ended. */
        boolean resume() {
            do {
                if (continuation == null) continuation = Continuations.create(body);
                Continuations.run(continuation);
                if (!Continuations.isDone(continuation)) return true;
                continuation = null;
            } while (again);
            return false;
        }
    }

    public EventLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether clients can run on loops in this JVM (see {@link Continuations}). */
    public static boolean available() {
        return Continuations.AVAILABLE;
    }

    /** A thread for {@link #run}: waits of the code its loop runs go through the loop. */
    public Thread newThread(String name, Runnable body) {
        return new LoopThread(this, name, body);
    }

    /** Adds a client that runs {@code body} once; it starts at the next turn of {@link #run}. */
    public void spawn(Runnable body) {
        spawnSteps(() -> {
            body.run();
            return false;
        });
    }

    /**
     * Adds a client that runs {@code step} (one transaction) again and again, as long as it returns true; it
     * starts at the next turn of {@link #run}. The next step starts as soon as one ends, as pgbench's client
     * starts its next transaction.
     */
    public void spawnSteps(BooleanSupplier step) {
        ready.add(new Fiber(step));
        live++;
    }

    /** Runs the clients until every one ended; on the loop's own thread. A client's exception ends the loop. */
    public void run() {
        try {
            while (live > 0) {
                Fiber f;
                while ((f = ready.poll()) != null) {
                    current = f;
                    try {
                        if (!f.resume()) live--;
                    } finally {
                        current = null;
                    }
                }
                if (live > 0) poll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loop whose client runs on this thread now, or null. */
    static EventLoop current() {
        return Thread.currentThread() instanceof LoopThread t && t.loop.current != null ? t.loop : null;
    }

    /** Sleeps until {@code deadline} ({@link System#nanoTime}): the loop's clients go on meanwhile. */
    public static void parkUntil(long deadline) {
        EventLoop loop = current();
        if (loop == null || !loop.sleep(deadline)) {
            long rem;
            while ((rem = deadline - System.nanoTime()) > 0) LockSupport.parkNanos(rem);
        }
    }

    private boolean sleep(long deadline) {
        Fiber f = current;
        f.wakeAt = deadline;
        timers.add(f);
        if (Continuations.yieldNow()) return true;
        timers.remove(f);
        return false;
    }

    /**
     * Suspends the running client until {@code channel} is ready for {@code ops}; false if it cannot be
     * suspended (then the caller waits itself). The channel stays registered, and its interest too: most waits
     * change nothing the kernel must hear of.
     */
    boolean await(SelectableChannel channel, int ops) throws IOException {
        Fiber f = current;
        SelectionKey k = channel.keyFor(selector);
        if (k == null) {
            k = channel.register(selector, ops, f);
        } else {
            if (k.interestOps() != ops) k.interestOps(ops);
            k.attach(f);
        }
        f.waitingOn = k;
        if (Continuations.yieldNow()) return true;
        f.waitingOn = null;
        return false;
    }

    private void poll() throws IOException {
        if (!ready.isEmpty()) {
            selector.selectNow(onSelected);
        } else if (timers.isEmpty()) {
            selector.select(onSelected);
        } else {
            long wait = timers.peek().wakeAt - System.nanoTime();
            if (wait >= PARK_BELOW_NANOS) {
                selector.select(onSelected, wait / 1_000_000);
            } else if (selector.selectNow(onSelected) == 0 && wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        if (timers.isEmpty()) return;
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().wakeAt - now <= 0) ready.add(timers.poll());
    }

    private void selected(SelectionKey k) {
        Fiber f = (Fiber) k.attachment();
        if (f != null && f.waitingOn == k) {
            f.waitingOn = null;
            ready.add(f);
        } else if (k.isValid()) {
            k.interestOps(0); // bytes nobody waits for yet (a notice): polled again when someone does
        }
    }

    private static final class LoopThread extends Thread {
        final EventLoop loop;

        LoopThread(EventLoop loop, String name, Runnable body) {
            super(body, name);
            this.loop = loop;
            setDaemon(true);
        }
    }
}
