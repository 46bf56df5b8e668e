package io.carga.core.engine;

import io.carga.core.load.ClosedModel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps the number of looping virtual users at what the plan wants: starts users while below, asks the
 * newest to stop after their current task while above (k6's graceful ramp-down). A user that ends
 * itself (StopUser, a queue feeder run dry) keeps its slot and is not replaced, as in Locust.
 */
final class ClosedExecutor implements Executor {
    /** The wanted population over time; asked only from the executor's thread. */
    interface Target {
        int usersAt(long elapsedNanos);

        /** True when the plan is over. */
        boolean ended(long elapsedNanos);
    }

    private static final long TICK_NANOS = 10_000_000L;
    private final Target target;
    private final Deque<VirtualUser> slots = new ArrayDeque<>();

    ClosedExecutor(Target target) {
        this.target = target;
    }

    static ClosedExecutor of(ClosedModel model) {
        long end = model.plannedDuration().toNanos();
        return new ClosedExecutor(new Target() {
            @Override
            public int usersAt(long elapsed) {
                return model.usersAt(elapsed);
            }

            @Override
            public boolean ended(long elapsed) {
                return elapsed >= end;
            }
        });
    }

    @Override
    public void run(RunState run) {
        while (!run.stopping) {
            long elapsed = run.elapsedNanos();
            if (target.ended(elapsed)) {
                return;
            }
            int want = target.usersAt(elapsed);
            while (slots.size() < want && !run.stopping) {
                slots.addLast(startUser(run));
            }
            while (slots.size() > want) {
                slots.pollLast().requestStop();
            }
            Executor.sleepUntil(run, System.nanoTime() + TICK_NANOS);
        }
    }

    static VirtualUser startUser(RunState run) {
        return startUser(run, null);
    }

    static VirtualUser startUser(RunState run, IterationBudget budget) {
        long n = run.usersCreated.getAndIncrement();
        VirtualUser vu = new VirtualUser(run, (int) n, run.config.scenario().specFor(n).factory().get());
        run.userStarted();
        Thread.ofVirtual().name("vu-" + n).start(() -> vu.runLoop(budget, run::userEnded));
        return vu;
    }
}
