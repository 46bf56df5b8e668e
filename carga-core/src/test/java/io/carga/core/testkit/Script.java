package io.carga.core.testkit;

import io.carga.core.api.WaitTime;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every {@link FakeUser} of one kind does, and a tally of what they did. Built once per test, shared by
 * all users of the kind; the tallies are thread-safe.
 *
 * <pre>{@code
 * Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(5), Outcome.OK));
 * RunConfig c = Runs.config(s.scenario(), ClosedModel.of(4, 0, Duration.ofSeconds(1)));
 * }</pre>
 */
public final class Script {
    /** A step of a fake user: a task body, or an onStart/onStop hook. */
    @FunctionalInterface
    public interface Step {
        void run(FakeUser user) throws Exception;
    }

    record TaskDef(String name, int weight, Step step) {
    }

    final List<TaskDef> tasks = new ArrayList<>();
    WaitTime waitTime = WaitTime.none();
    Step onStart = u -> { };
    Step onStop = u -> { };

    /** Users created, onStart calls, onStop calls, task bodies entered, task bodies that returned normally. */
    public final AtomicLong created = new AtomicLong();
    public final AtomicLong started = new AtomicLong();
    public final AtomicLong stopped = new AtomicLong();
    public final AtomicLong tasksEntered = new AtomicLong();
    public final AtomicLong tasksCompleted = new AtomicLong();

    private Script() {
    }

    public static Script create() {
        return new Script();
    }

    public Script task(String name, int weight, Step step) {
        tasks.add(new TaskDef(name, weight, step));
        return this;
    }

    public Script waitTime(WaitTime w) {
        this.waitTime = w;
        return this;
    }

    public Script onStart(Step s) {
        this.onStart = s;
        return this;
    }

    public Script onStop(Step s) {
        this.onStop = s;
        return this;
    }

    /** This script as one user kind. */
    public UserSpec spec(String name, int weight) {
        return new UserSpec(name, weight, () -> {
            created.incrementAndGet();
            return new FakeUser(this);
        });
    }

    /** A scenario with this script as its only user kind. */
    public Scenario scenario() {
        return new Scenario("fake", List.of(spec("FakeUser", 1)));
    }
}
