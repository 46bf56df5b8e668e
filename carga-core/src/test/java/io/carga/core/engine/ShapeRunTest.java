package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.api.LoadShape;
import io.carga.core.event.Outcome;
import io.carga.core.load.ShapeModel;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class ShapeRunTest {

    @Test
    void aUsersShapeRunsItsUsersAndEndsWhenTickReturnsNull() throws Exception {
        List<Duration> asked = new CopyOnWriteArrayList<>();
        LoadShape shape = t -> {
            asked.add(t);
            return t.compareTo(Duration.ofSeconds(1)) < 0 ? LoadShape.Target.users(3, 0) : null;
        };
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(10), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new ShapeModel(shape, 100)));

        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(asked).containsExactly(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(run.output().usersPeak()).isEqualTo(3);
        assertThat(s.created.get()).isEqualTo(3);
        assertThat(run.wallSeconds()).isBetween(1.0, 2.0);
        assertThat(run.result().aggregate().total().count()).isGreaterThan(30);
    }

    @Test
    void aRateShapeRunsItsArrivalsAndEnds() throws Exception {
        LoadShape shape = t -> t.compareTo(Duration.ofSeconds(1)) < 0 ? LoadShape.Target.rate(50) : null;
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(2), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new ShapeModel(shape, 100)));

        assertThat(run.result().aggregate().total().count() + run.result().aggregate().dropped()).isEqualTo(50);
        assertThat(run.wallSeconds()).isBetween(0.95, 2.0);
    }

    @Test
    void aShapeThatStartsWithNullRunsNothing() throws Exception {
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ZERO, Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), new ShapeModel(t -> null, 1)));

        assertThat(s.created.get()).isZero();
        assertThat(run.result().aggregate().total().count()).isZero();
    }
}
