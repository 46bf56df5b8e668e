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
    private final Lane lane;
    private final Deque<VirtualUser> slots = new ArrayDeque<>();

    ClosedExecutor(Target target, Lane lane) {
        this.target = target;
        this.lane = lane;
    }

    static ClosedExecutor of(ClosedModel model, Lane lane) {
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
        }, lane);
    }

    @Override
    public void run(RunState run) {
        while (!run.stopping) {
            long elapsed = lane.elapsedNanos();
            if (target.ended(elapsed)) {
                return;
            }
            int want = Math.min(target.usersAt(elapsed), run.userCap.get());
            while (slots.size() < want && !run.stopping) {
                slots.addLast(startUser(run, lane, null));
            }
            while (slots.size() > want) {
                slots.pollLast().requestStop();
            }
            Executor.sleepUntil(run, System.nanoTime() + TICK_NANOS);
        }
    }

    /** The plan of a scenario of a mixed run ended while the run goes on: its users leave after their task. */
    @Override
    public void stopUsers() {
        VirtualUser vu;
        while ((vu = slots.pollLast()) != null) {
            vu.requestStop();
        }
    }

    static VirtualUser startUser(RunState run, Lane lane, IterationBudget budget) {
        long n = run.usersCreated.getAndIncrement();
        VirtualUser vu = new VirtualUser(run, lane, (int) n, lane.nextKind().factory().get());
        lane.userStarted();
        Thread.ofVirtual().name("vu-" + n).start(() -> vu.runLoop(budget, lane::userEnded));
        return vu;
    }
}
