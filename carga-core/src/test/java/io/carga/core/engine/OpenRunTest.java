package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.api.UserContext;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.load.OpenModel;
import io.carga.core.metrics.SeriesTotals;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class OpenRunTest {

    @Test
    void aFixedRateRunsRateTimesDurationIterationsOnSchedule() throws Exception {
        List<Long> intended = new CopyOnWriteArrayList<>();
        Script s = Script.create().task("get", 1, u -> {
            RequestEvent e = u.protocol().call("get", Duration.ofMillis(5), Outcome.OK);
            intended.add(e.intendedStart());
        });
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), OpenModel.constant(100, Duration.ofSeconds(2), 50)));

        long count = run.result().aggregate().total().count();
        assertThat(count).isBetween(196L, 204L);
        assertThat(count + run.result().aggregate().dropped()).as("every planned iteration ran or was counted dropped").isEqualTo(200);
        assertThat(run.wallSeconds()).isBetween(1.95, 3.0);
        List<Long> sorted = intended.stream().sorted().toList();
        for (int k = 1; k < sorted.size(); k++) {
            assertThat(sorted.get(k) - sorted.get(k - 1)).as("iterations are planned 10 ms apart").isEqualTo(10_000_000L);
        }
        assertThat(s.started.get()).as("pooled users start once each").isEqualTo(s.created.get()).isLessThan(50);
        assertThat(s.stopped.get()).as("and stop once each at the end").isEqualTo(s.created.get());
    }

    @Test
    void withNoFreeSlotIterationsAreDroppedAndCounted() throws Exception {
        Script s = Script.create().task("slow", 1, u -> u.protocol().call("slow", Duration.ofMillis(200), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), OpenModel.constant(20, Duration.ofSeconds(1), 1)));

        long done = run.result().aggregate().total().count();
        long dropped = run.result().aggregate().dropped();
        assertThat(done).isBetween(3L, 7L);
        assertThat(done + dropped).isEqualTo(20);
        assertThat(run.output().dropped()).isEqualTo(dropped);
        assertThat(run.output().usersPeak()).isEqualTo(1);
    }

    @Test
    void latencyCountsFromTheIntendedStartAndServiceTimeFromTheSend() throws Exception {
        List<long[]> taken = new CopyOnWriteArrayList<>();
        Script s = Script.create().task("queued", 1, u -> {
            UserContext ctx = u.context();
            long intended = ctx.takeIntendedStart();
            long again = ctx.takeIntendedStart();
            taken.add(new long[] {intended, again});
            Thread.sleep(50); // waiting in the client before the send
            long start = ctx.nanoTime();
            Thread.sleep(100);
            ctx.events().record(new RequestEvent("queued", "fake", Tags.EMPTY, intended, start, ctx.nanoTime(), 0, 0,
                    Outcome.OK, null, Map.of()));
        });
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), OpenModel.constant(10, Duration.ofSeconds(1), 100)));

        assertThat(taken).hasSize(10);
        assertThat(taken).allSatisfy(t -> {
            assertThat(t[0]).as("the first take gets the intended start").isNotZero();
            assertThat(t[1]).as("the second gets nothing").isZero();
        });
        assertThat(taken.stream().map(t -> t[0]).distinct().count()).as("a new intended start per iteration").isEqualTo(10);
        SeriesTotals total = run.result().aggregate().total();
        assertThat(total.count()).isEqualTo(10);
        assertThat(total.latency().getMinValue()).as("latency covers the wait, µs").isGreaterThanOrEqualTo(149_900);
        assertThat(total.service().getMinValue()).isGreaterThanOrEqualTo(99_900);
        assertThat(total.service().getMean()).isLessThan(total.latency().getMean() - 40_000);
    }

    @Test
    void iterationsFollowTheWeightsOfTheUserKinds() throws Exception {
        Script often = Script.create().task("often", 1, u -> u.protocol().call("often", Duration.ofMillis(1), Outcome.OK));
        Script rarely = Script.create().task("rarely", 1, u -> u.protocol().call("rarely", Duration.ofMillis(1), Outcome.OK));
        io.carga.core.config.Scenario mix = new io.carga.core.config.Scenario("mix",
                List.of(often.spec("Often", 3), rarely.spec("Rarely", 1)));
        Runs.Finished run = Runs.run(Runs.config(mix, OpenModel.constant(100, Duration.ofSeconds(1), 50)));

        assertThat(run.result().aggregate().dropped()).isZero();
        assertThat(often.tasksCompleted.get()).isEqualTo(75);
        assertThat(rarely.tasksCompleted.get()).isEqualTo(25);
    }

    @Test
    void aRampingRateFollowsItsStages() throws Exception {
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(1), Outcome.OK));
        OpenModel model = new OpenModel(0, io.carga.core.load.Stage.parseList("1s:100/s,500ms:0/s"), 50);
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), model));

        // 0 -> 100/s over 1 s is 50 arrivals, 100 -> 0/s over 0.5 s is 25 more
        assertThat(run.result().aggregate().total().count() + run.result().aggregate().dropped()).isEqualTo(75);
    }
}
