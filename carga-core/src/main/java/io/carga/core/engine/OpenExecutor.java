package io.carga.core.engine;

import io.carga.core.load.OpenModel;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * Starts iterations at their scheduled times, each on a fresh virtual thread with a pooled virtual
 * user, and times each from its intended start. When {@code maxConcurrency} iterations are already in
 * flight, the iteration is dropped and counted. A late scheduler starts late iterations at once (they
 * carry their intended start, so the delay shows in their latency) and records its own lag.
 */
final class OpenExecutor implements Executor {
    /** When the k-th iteration (0-based) starts, in nanoseconds from the run start; -1 past the end. */
    interface Schedule {
        long offsetNanos(long k);
    }

    private final Schedule schedule;
    private final int maxConcurrency;
    private final ConcurrentLinkedDeque<VirtualUser> idle = new ConcurrentLinkedDeque<>();

    OpenExecutor(Schedule schedule, int maxConcurrency) {
        this.schedule = schedule;
        this.maxConcurrency = maxConcurrency;
    }

    static OpenExecutor of(OpenModel model) {
        return new OpenExecutor(model::startOffsetNanos, model.maxConcurrency());
    }

    @Override
    public void run(RunState run) {
        Semaphore slots = new Semaphore(maxConcurrency);
        for (long k = 0; !run.stopping; k++) {
            long offset = schedule.offsetNanos(k);
            if (offset < 0) {
                return;
            }
            long intended = run.startNanos + offset;
            Executor.sleepUntil(run, intended);
            if (run.stopping) {
                return;
            }
            run.hub.recordLag(System.nanoTime() - intended);
            if (!slots.tryAcquire()) {
                run.hub.recordDropped();
                continue;
            }
            VirtualUser vu = idle.pollFirst();
            if (vu == null) {
                long n = run.usersCreated.getAndIncrement();
                vu = new VirtualUser(run, (int) n, run.config.scenario().specFor(n).factory().get());
            }
            VirtualUser user = vu;
            run.userStarted();
            Thread.ofVirtual().start(() -> {
                boolean keep = false;
                try {
                    keep = user.runIteration(intended);
                } finally {
                    if (keep) {
                        idle.addFirst(user);
                    } else {
                        user.finish();
                    }
                    run.userEnded();
                    slots.release();
                }
            });
        }
    }

    @Override
    public void close(RunState run) {
        VirtualUser vu;
        while ((vu = idle.pollFirst()) != null) {
            vu.finish();
        }
    }
}
