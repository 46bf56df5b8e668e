package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.load.ClosedModel;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class ClosedRunTest {

    @Test
    void nUsersRunUntilTheDurationThenStop() throws Exception {
        List<Long> intended = new CopyOnWriteArrayList<>();
        Script s = Script.create().task("get", 1, u -> {
            intended.add(u.context().takeIntendedStart());
            u.protocol().call("get", Duration.ofMillis(20), Outcome.OK);
        });
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), ClosedModel.of(5, 0, Duration.ofSeconds(1))));

        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.wallSeconds()).isBetween(1.0, 1.8);
        assertThat(run.output().usersPeak()).isEqualTo(5);
        assertThat(run.result().aggregate().usersPeak()).isEqualTo(5);
        assertThat(s.created.get()).isEqualTo(5);
        assertThat(s.started.get()).isEqualTo(5);
        assertThat(s.stopped.get()).as("onStop ran for every user").isEqualTo(5);
        long count = run.result().aggregate().total().count();
        assertThat(count).isEqualTo(s.tasksCompleted.get()).isEqualTo(run.output().requests()).isBetween(100L, 260L);
        assertThat(run.result().aggregate().total().errors()).isZero();
        assertThat(run.result().interrupted()).isZero();
        assertThat(intended).as("nothing is scheduled in a closed model").containsOnly(0L);
        assertThat(run.output().snapshots.getLast().users()).isEqualTo(5);
    }

    @Test
    void spawnRateStartsUsersOneByOne() throws Exception {
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        Script s = Script.create()
                .onStart(u -> startedAt.add(System.nanoTime()))
                .task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(10), Outcome.OK));
        Runs.run(Runs.config(s.scenario(), ClosedModel.of(4, 10, Duration.ofMillis(700))));

        assertThat(startedAt).hasSize(4);
        List<Long> sorted = startedAt.stream().sorted().toList();
        for (int k = 1; k < 4; k++) {
            // user k+1 is due 100 ms after user k; the executor looks every 10 ms, and the first user may itself
            // have been scheduled late on a busy machine
            assertThat((sorted.get(k) - sorted.get(0)) / 1e6).as("user %d", k + 1).isBetween(k * 100 - 40.0, k * 100 + 80.0);
        }
    }

    @Test
    void stagesRampUsersUpAndDown() throws Exception {
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(5), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new ClosedModel(io.carga.core.load.Stage.parseList("300ms:6,300ms:6,300ms:0"))));

        assertThat(run.output().usersPeak()).isEqualTo(6);
        assertThat(s.created.get()).isEqualTo(6);
        assertThat(s.stopped.get()).isEqualTo(6);
        List<Integer> users = run.output().snapshots.stream().map(x -> x.users()).toList();
        int peakAt = users.indexOf(6);
        assertThat(users.subList(0, peakAt)).as("ramping up").isSorted();
        assertThat(users.get(users.size() - 2)).as("ramping down").isLessThan(6);
    }
}
