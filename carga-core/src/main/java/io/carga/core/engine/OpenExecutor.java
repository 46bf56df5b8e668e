package io.carga.core.engine;

import io.carga.core.config.UserSpec;
import io.carga.core.load.OpenModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

        /** True when the schedule changed since the last {@link #offsetNanos}: the wait for it is over. */
        default boolean changed() {
            return false;
        }
    }

    private final Schedule schedule;
    private final int maxConcurrency;
    private final Lane lane;
    /** Idle users, one pool per user kind, so iterations follow the kinds' weights. */
    private final Map<UserSpec, ConcurrentLinkedDeque<VirtualUser>> idle = new ConcurrentHashMap<>();

    OpenExecutor(Schedule schedule, int maxConcurrency, Lane lane) {
        this.schedule = schedule;
        this.maxConcurrency = maxConcurrency;
        this.lane = lane;
    }

    static OpenExecutor of(OpenModel model, Lane lane) {
        return new OpenExecutor(model::startOffsetNanos, model.maxConcurrency(), lane);
    }

    @Override
    public void run(RunState run) {
        Semaphore slots = new Semaphore(maxConcurrency);
        for (long k = 0; !run.stopping; k++) {
            long offset = schedule.offsetNanos(k);
            if (offset < 0) {
                return;
            }
            long intended = lane.startNanos + offset;
            if (!sleepUntil(run, intended)) {
                k--; // the rate changed while waiting: ask the schedule again when this iteration starts
                continue;
            }
            if (run.stopping) {
                return;
            }
            run.hub.recordLag(System.nanoTime() - intended);
            if (!slots.tryAcquire()) {
                lane.dropped();
                continue;
            }
            // The k-th iteration's kind: a pooled user of any kind would let the first kind do all the work.
            UserSpec spec = lane.scenario.specFor(k);
            ConcurrentLinkedDeque<VirtualUser> pool = idle.computeIfAbsent(spec, x -> new ConcurrentLinkedDeque<>());
            VirtualUser vu = pool.pollFirst();
            if (vu == null) {
                long n = run.usersCreated.getAndIncrement();
                vu = new VirtualUser(run, lane, (int) n, spec.factory().get());
            }
            VirtualUser user = vu;
            lane.userStarted();
            Thread.ofVirtual().start(() -> {
                boolean keep = false;
                try {
                    keep = user.runIteration(intended);
                } finally {
                    if (keep) {
                        pool.addFirst(user);
                    } else {
                        user.finish();
                    }
                    lane.userEnded();
                    slots.release();
                }
            });
        }
    }

    /** Parks until {@code deadline}, the run stops, or the schedule changes (then false). */
    private boolean sleepUntil(RunState run, long deadline) {
        long now;
        while (!run.stopping && (now = System.nanoTime()) < deadline) {
            if (schedule.changed()) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(deadline - now, 10_000_000L));
        }
        return true;
    }

    @Override
    public void close(RunState run) {
        for (ConcurrentLinkedDeque<VirtualUser> pool : idle.values()) {
            VirtualUser vu;
            while ((vu = pool.pollFirst()) != null) {
                vu.finish();
            }
        }
    }
}
