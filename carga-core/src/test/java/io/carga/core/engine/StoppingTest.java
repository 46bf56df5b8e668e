package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.load.ClosedModel;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.RecordingOutput;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(15)
class StoppingTest {

    @Test
    void theGracePeriodLetsInFlightTasksFinish() throws Exception {
        Script s = Script.create().task("slow", 1, u -> u.protocol().call("slow", Duration.ofMillis(400), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), ClosedModel.of(3, 0, Duration.ofMillis(300)))
                .withGracefulStop(Duration.ofSeconds(2)));

        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.result().interrupted()).isZero();
        assertThat(s.tasksEntered.get()).isEqualTo(3);
        assertThat(s.tasksCompleted.get()).isEqualTo(3);
        assertThat(run.result().aggregate().total().count(Outcome.OK)).isEqualTo(3);
        assertThat(run.result().aggregate().total().count(Outcome.INTERRUPTED)).isZero();
        assertThat(run.wallSeconds()).as("no new task after the stop").isLessThan(0.8);
    }

    @Test
    void afterTheGracePeriodInFlightTasksAreCutAndCounted() throws Exception {
        Script s = Script.create().task("stuck", 1, u -> u.protocol().call("stuck", Duration.ofSeconds(30), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), ClosedModel.of(3, 0, Duration.ofMillis(300)))
                .withGracefulStop(Duration.ofMillis(300)));

        assertThat(run.result().interrupted()).isEqualTo(3);
        assertThat(run.wallSeconds()).isBetween(0.6, 2.0);
        assertThat(run.result().aggregate().total().count(Outcome.INTERRUPTED)).as("each cut request is reported").isEqualTo(3);
        assertThat(s.tasksCompleted.get()).isZero();
        assertThat(s.stopped.get()).as("onStop still runs for cut users").isEqualTo(3);
    }

    @Test
    void anOutputCanStopTheRunEarly() throws Exception {
        AtomicReference<RecordingOutput> self = new AtomicReference<>();
        RecordingOutput stopper = new RecordingOutput(snap -> {
            if (snap.index() == 3) {
                self.get().info.control().stop(StopReason.ABORTED, "budget exceeded");
            }
        });
        self.set(stopper);
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(10), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), ClosedModel.of(2, 0, Duration.ofSeconds(30))), stopper);

        assertThat(run.result().reason()).isEqualTo(StopReason.ABORTED);
        assertThat(run.result().cause()).isEqualTo("budget exceeded");
        assertThat(run.wallSeconds()).isLessThan(3);
        assertThat(stopper.result).isSameAs(run.result());
    }

    @Test
    void theHardMaximumDurationStopsAnyPlan() throws Exception {
        Script s = Script.create().task("get", 1, u -> u.protocol().call("get", Duration.ofMillis(10), Outcome.OK));
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), ClosedModel.of(2, 0, Duration.ofHours(1)))
                .withMaxDuration(Duration.ofMillis(500)));

        assertThat(run.result().reason()).isEqualTo(StopReason.MAX_DURATION);
        assertThat(run.result().cause()).contains("maximum duration of 500ms");
        assertThat(run.wallSeconds()).isBetween(0.5, 2.0);
    }
}
