package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.Tags;
import io.carga.core.load.IterationsModel;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class IterationsRunTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void sharedIterationsAreDoneExactlyOnceAcrossUsers() throws Exception {
        List<Integer> perUser = new CopyOnWriteArrayList<>();
        Script s = Script.create()
                .onStop(u -> perUser.add(u.done))
                .task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(2), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new IterationsModel(50, 4, false, LONG)));

        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.result().aggregate().total().count()).isEqualTo(50);
        assertThat(s.tasksCompleted.get()).isEqualTo(50);
        assertThat(perUser).hasSize(4);
        assertThat(perUser.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
    }

    @Test
    void perUserIterationsAreDoneByEveryUser() throws Exception {
        List<Integer> perUser = new CopyOnWriteArrayList<>();
        Script s = Script.create()
                .onStop(u -> perUser.add(u.done))
                .task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(2), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new IterationsModel(10, 4, true, LONG)));

        assertThat(run.result().aggregate().total().count()).isEqualTo(40);
        assertThat(perUser).containsExactly(10, 10, 10, 10);
        assertThat(run.wallSeconds()).as("ends when the work is done").isLessThan(1.5);
    }

    @Test
    void aTaskExceptionIsCountedAndTheUserGoesOn() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Script s = Script.create().task("flaky", 1, u -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("boom");
            }
            u.protocol().call("flaky", Duration.ZERO, Outcome.OK);
        });
        // every second call throws: 5 requests, 5 exceptions
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new IterationsModel(10, 1, false, LONG)));

        assertThat(s.tasksEntered.get()).as("the user ran every iteration").isEqualTo(10);
        assertThat(run.result().aggregate().counters())
                .containsEntry(new SeriesKey("task_exceptions", Tags.of("task", "flaky")), 5.0);
        assertThat(run.result().aggregate().total().count()).isEqualTo(5);
        assertThat(s.stopped.get()).isEqualTo(1);
    }

    @Test
    void anOnStartExceptionIsCountedAndEndsOnlyThatUser() throws Exception {
        Script s = Script.create()
                .onStart(u -> {
                    if (u.context().userId() == 0) {
                        throw new java.io.IOException("login failed");
                    }
                })
                .task("get", 1, u -> u.protocol().call("get", Duration.ZERO, Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new IterationsModel(3, 2, true, LONG)));

        assertThat(run.result().aggregate().counters())
                .containsEntry(new SeriesKey("task_exceptions", Tags.of("task", "onStart")), 1.0);
        assertThat(run.result().aggregate().total().count()).isEqualTo(3);
    }

    @Test
    void stopUserEndsThatUserWithoutReplacingIt() throws Exception {
        Script s = Script.create().task("get", 1, u -> {
            if (u.done == 2) {
                throw new io.carga.core.api.StopUser("enough");
            }
            u.protocol().call("get", Duration.ofMillis(1), Outcome.OK);
        });
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), io.carga.core.load.ClosedModel.of(3, 0, Duration.ofMillis(800))));

        assertThat(s.created.get()).as("not replaced").isEqualTo(3);
        assertThat(s.tasksCompleted.get()).isEqualTo(6);
        assertThat(run.result().aggregate().total().count()).isEqualTo(6);
        assertThat(s.stopped.get()).isEqualTo(3);
        assertThat(run.output().snapshots.getLast().users()).isZero();
        assertThat(run.result().aggregate().counters()).isEmpty();
        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
    }
}
