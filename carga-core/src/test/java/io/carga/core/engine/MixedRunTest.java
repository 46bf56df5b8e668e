package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.MixedModel;
import io.carga.core.load.OpenModel;
import io.carga.core.load.Stage;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class MixedRunTest {
    private static final Duration RUN = Duration.ofMillis(1500);

    @Test
    void eachScenarioRunsItsOwnLoadModelInTheOneRun() throws Exception {
        AtomicInteger browsing = new AtomicInteger();
        AtomicInteger browsingPeak = new AtomicInteger();
        Script browse = Script.create().task("page", 1, u -> {
            browsingPeak.accumulateAndGet(browsing.incrementAndGet(), Math::max);
            try {
                u.protocol().call("page", Duration.ofMillis(20), Outcome.OK);
            } finally {
                browsing.decrementAndGet();
            }
        });
        Script generate = Script.create().task("generate", 1, u -> u.protocol().call("generate", Duration.ofMillis(5), Outcome.OK));
        List<Long> hookStarts = new CopyOnWriteArrayList<>();
        Script hooks = Script.create().task("hook", 1, u -> {
            hookStarts.add(u.context().nanoTime());
            u.context().events().record(new RequestEvent("hook", "fake", Tags.of("tier", "webhooks"), 0,
                    u.context().nanoTime(), u.context().nanoTime(), 0, 0, Outcome.OK, null, Map.of()));
        });
        MixedModel model = new MixedModel(List.of(
                new MixedModel.Part("browse", browse.scenario(), ClosedModel.of(4, 0, RUN), Duration.ZERO),
                new MixedModel.Part("generate", generate.scenario(), OpenModel.constant(40, RUN, 20), Duration.ZERO),
                // a ramp from 0 to 40/s over 1 s: 20 arrivals, the first 300 ms into the run
                new MixedModel.Part("hooks", hooks.scenario(),
                        new OpenModel(0, List.of(new Stage(Duration.ofSeconds(1), 40)), 10), Duration.ofMillis(300))));
        long t0 = System.nanoTime();
        Runs.Finished run = Runs.run(Runs.config(browse.scenario(), model));
        RunAggregate a = run.result().aggregate();

        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.wallSeconds()).as("the longest scenario sets the run's length").isBetween(1.3, 3.0);
        assertThat(browsingPeak.get()).as("the closed scenario holds its 4 users").isEqualTo(4);
        assertThat(browse.created.get()).isEqualTo(4);
        long pages = count(a, "page", "browse");
        assertThat(pages).isBetween(120L, 310L);
        assertThat(count(a, "generate", "generate")).as("40/s for 1.5 s").isBetween(55L, 61L);
        assertThat(a.requests().keySet()).contains(new SeriesKey("hook", Tags.of("tier", "webhooks", MixedModel.TAG, "hooks")));
        assertThat(count(a, "hook", "hooks")).as("the ramp's integral").isBetween(18L, 21L);
        assertThat((hookStarts.stream().mapToLong(Long::longValue).min().orElseThrow() - t0) / 1e6)
                .as("the webhooks start 300 ms in").isGreaterThan(300);
        assertThat(a.requests().keySet()).allSatisfy(k -> assertThat(k.tags().get(MixedModel.TAG)).isNotNull());
        assertThat(a.total().count()).isEqualTo(a.requests().values().stream().mapToLong(t -> t.count()).sum());
        assertThat(a.gauges()).containsEntry(new SeriesKey(MixedModel.USERS_PEAK, Tags.of(MixedModel.TAG, "browse")), 4.0);
        assertThat(a.counters()).containsKey(new SeriesKey(MixedModel.DROPPED, Tags.of(MixedModel.TAG, "generate")));
        assertThat(browse.stopped.get()).as("every user of every scenario stopped").isEqualTo(4);
    }

    @Test
    void aClosedScenarioWhosePlanEndsLetsItsUsersGoWhileTheOthersRun() throws Exception {
        Script shortOne = Script.create().task("short", 1, u -> u.protocol().call("short", Duration.ofMillis(10), Outcome.OK));
        Script longOne = Script.create().task("long", 1, u -> u.protocol().call("long", Duration.ofMillis(10), Outcome.OK));
        List<Integer> usersAtEnd = new CopyOnWriteArrayList<>();
        MixedModel model = new MixedModel(List.of(
                new MixedModel.Part("short", shortOne.scenario(), ClosedModel.of(3, 0, Duration.ofMillis(400)), Duration.ZERO),
                new MixedModel.Part("long", longOne.scenario(), ClosedModel.of(2, 0, Duration.ofMillis(1200)), Duration.ZERO)));
        Runs.Finished run = Runs.run(Runs.config(shortOne.scenario(), model),
                new io.carga.core.testkit.RecordingOutput(s -> usersAtEnd.add(s.users())));

        assertThat(shortOne.stopped.get()).isEqualTo(3);
        assertThat(usersAtEnd.get(usersAtEnd.size() - 2)).as("after 400 ms only the long scenario's users run").isEqualTo(2);
        assertThat(run.result().aggregate().usersPeak()).isEqualTo(5);
    }

    @Test
    void aSingleScenarioAddsNoTag() throws Exception {
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(5), Outcome.OK));
        MixedModel model = new MixedModel(List.of(new MixedModel.Part("only", s.scenario(),
                ClosedModel.of(2, 0, Duration.ofMillis(300)), Duration.ZERO)));
        RunAggregate a = Runs.run(Runs.config(s.scenario(), model)).result().aggregate();

        assertThat(a.requests().keySet()).containsExactly(SeriesKey.of("get"));
        assertThat(a.gauges()).isEmpty();
    }

    private static long count(RunAggregate a, String name, String scenario) {
        return a.requests().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && scenario.equals(e.getKey().tags().get(MixedModel.TAG)))
                .mapToLong(e -> e.getValue().count()).sum();
    }
}
