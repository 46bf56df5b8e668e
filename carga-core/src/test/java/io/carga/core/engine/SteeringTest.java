package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.event.Outcome;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.IterationsModel;
import io.carga.core.load.LoadChange;
import io.carga.core.load.OpenModel;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunControl;
import io.carga.core.output.Steerable;
import io.carga.core.testkit.RecordingOutput;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SteeringTest {
    /** Records the changes the engine hands the outputs, and acts once, at the given interval. */
    private static final class Steer implements Output {
        final List<LoadChange> changes = new CopyOnWriteArrayList<>();
        final long at;
        final BiConsumer<RunControl, IntervalSnapshot> act;
        RunControl control;

        Steer(long at, BiConsumer<RunControl, IntervalSnapshot> act) {
            this.at = at;
            this.act = act;
        }

        @Override
        public void start(io.carga.core.output.RunInfo info) {
            control = info.control();
        }

        @Override
        public void interval(IntervalSnapshot s) {
            if (s.index() == at) {
                act.accept(control, s);
            }
        }

        @Override
        public void loadChanged(LoadChange change) {
            changes.add(change);
        }
    }

    private static Script thinking() {
        return Script.create().task("t", 1, u -> u.protocol().call("t", Duration.ofMillis(2), Outcome.OK))
                .waitTime(io.carga.core.api.WaitTime.constant(0.02));
    }

    @Test
    void aClosedRunMovesToTheNewUserCountAtTheSpawnRateAndRecordsTheChange() throws Exception {
        Steer steer = new Steer(5, (c, s) -> {
            assertThat(c.steerable()).isEqualTo(Steerable.USERS);
            c.changeUsers(12, 40, "test");
        });
        Runs.Finished run = Runs.run(Runs.config(thinking().scenario(), ClosedModel.of(4, 0, Duration.ofMillis(2500))),
                new RecordingOutput(), steer);

        List<IntervalSnapshot> snaps = run.output().snapshots;
        assertThat(snaps.subList(0, 5)).allSatisfy(s -> assertThat(s.users()).isLessThanOrEqualTo(4));
        assertThat(snaps.get(6).users()).as("40 users/s: 8 more take 200 ms, not at once").isLessThan(12);
        assertThat(snaps.subList(10, snaps.size() - 2)).allSatisfy(s -> assertThat(s.users()).isEqualTo(12));
        assertThat(steer.changes).singleElement().satisfies(ch -> {
            assertThat(ch.quantity()).isEqualTo(LoadChange.USERS);
            assertThat(ch.from()).isEqualTo(4);
            assertThat(ch.to()).isEqualTo(12);
            assertThat(ch.by()).isEqualTo("test");
            assertThat(ch.elapsedSeconds()).isBetween(0.5, 0.8);
        });
        assertThat(run.wallSeconds()).as("the planned end stays").isBetween(2.4, 5.0);
    }

    @Test
    void aClosedRunCanGoDownToZeroUsers() throws Exception {
        Steer steer = new Steer(3, (c, s) -> c.changeUsers(0, 0, "test"));
        Runs.Finished run = Runs.run(Runs.config(thinking().scenario(), ClosedModel.of(5, 0, Duration.ofMillis(1500))),
                new RecordingOutput(), steer);
        List<IntervalSnapshot> snaps = run.output().snapshots;
        assertThat(snaps.get(2).users()).isEqualTo(5);
        assertThat(snaps.subList(6, snaps.size())).allSatisfy(s -> assertThat(s.users()).isZero());
    }

    @Test
    void anOpenRunMovesToTheNewRateFromTheChangeOn() throws Exception {
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(1), Outcome.OK));
        Steer steer = new Steer(9, (c, snap) -> c.changeRate(200, "test"));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), OpenModel.constant(20, Duration.ofSeconds(2), 100)),
                new RecordingOutput(), steer);

        List<IntervalSnapshot> snaps = run.output().snapshots;
        // rates over the intervals' own lengths: on a busy box an interval thread that wakes late makes an interval longer
        assertThat(rate(snaps.subList(2, 9))).as("20/s before the change").isBetween(16.0, 24.0);
        assertThat(rate(snaps.subList(12, 19))).as("200/s after it").isBetween(180.0, 220.0);
        assertThat(steer.changes).singleElement().satisfies(ch -> {
            assertThat(ch.quantity()).isEqualTo(LoadChange.RATE);
            assertThat(ch.from()).isEqualTo(20);
            assertThat(ch.to()).isEqualTo(200);
        });
    }

    @Test
    void aChangeTheRunCannotTakeIsRefusedWithOneLineAndChangesNothing() throws Exception {
        List<String> refusals = new CopyOnWriteArrayList<>();
        Steer steer = new Steer(2, (c, s) -> {
            for (Runnable r : List.<Runnable>of(() -> c.changeRate(10, "t"), () -> c.changeUsers(-1, 0, "t"))) {
                try {
                    r.run();
                } catch (IllegalArgumentException e) {
                    refusals.add(e.getMessage());
                }
            }
        });
        Runs.Finished run = Runs.run(Runs.config(thinking().scenario(), ClosedModel.of(3, 0, Duration.ofMillis(800))),
                new RecordingOutput(), steer);
        assertThat(refusals).containsExactly("this run is a closed model: change its user count (\"users\"), not its rate",
                "users cannot be negative, got -1");
        assertThat(steer.changes).isEmpty();
        assertThat(run.output().snapshots.subList(1, 6)).allSatisfy(s -> assertThat(s.users()).isEqualTo(3));
    }

    @Test
    void modelsWithoutOneKnobAndEndedRunsCannotBeSteered() throws Exception {
        Steer steer = new Steer(1, (c, s) -> assertThat(c.steerable()).isEqualTo(Steerable.NONE));
        Engine engine = new Engine(Runs.config(thinking().scenario(), new IterationsModel(5, 2, false, Duration.ofSeconds(5))),
                new io.carga.core.metrics.MetricsHub(), List.of(steer), "t");
        assertThatThrownBy(() -> engine.changeUsers(3, 0, "t")).hasMessage("the run has not started yet");
        engine.run();
        assertThat(engine.steerable()).isEqualTo(Steerable.NONE);
        assertThatThrownBy(() -> engine.changeUsers(3, 0, "t")).hasMessage("the run has ended: its load cannot change");
    }

    private static double rate(List<IntervalSnapshot> snaps) {
        return snaps.stream().mapToLong(SteeringTest::requests).sum() / snaps.stream().mapToDouble(IntervalSnapshot::durationSeconds).sum();
    }

    private static long requests(IntervalSnapshot s) {
        return s.requests().stream().mapToLong(r -> r.count()).sum();
    }
}
