package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.OpenModel;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.RecordingOutput;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The two load changes an output may ask for ({@code RunControl.limitUsers}, {@code shortenRest}): a budget's ramp-down. */
@Timeout(20)
class RunControlLoadTest {

    @Test
    void anOutputHoldsAClosedRunsUsersAndCutsTheRestOfItsTime() throws Exception {
        Script s = Script.create().task("work", 1, u -> u.protocol().call("work", Duration.ofMillis(20), Outcome.OK));
        AtomicReference<RecordingOutput> self = new AtomicReference<>();
        AtomicBoolean limited = new AtomicBoolean();
        AtomicBoolean shortened = new AtomicBoolean();
        RecordingOutput ramp = new RecordingOutput(snap -> {
            if (snap.elapsedSeconds() >= 0.5 && !limited.get()) {
                limited.set(self.get().info.control().limitUsers(2, "test"));
                // 5.5 s of the 6 s plan left: half of it kept
                shortened.set(self.get().info.control().shortenRest(0.5, "shortened by test"));
            }
        });
        self.set(ramp);
        Runs.Finished run = Runs.run(Runs.config(s.scenario(), ClosedModel.of(6, 0, Duration.ofSeconds(6))), ramp);

        assertThat(limited).isTrue();
        assertThat(shortened).isTrue();
        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.result().cause()).isEqualTo("shortened by test");
        assertThat(run.wallSeconds()).as("0.5 s + 5.5 s / 2, not 6 s").isBetween(2.8, 4.5);
        int before = 0;
        int after = 0;
        for (IntervalSnapshot p : ramp.snapshots) {
            if (p.elapsedSeconds() < 0.45) {
                before = Math.max(before, p.users());
            } else if (p.elapsedSeconds() > 1.0) {
                after = Math.max(after, p.users());
            }
        }
        assertThat(before).isEqualTo(6);
        assertThat(after).as("the newest users left after their task").isEqualTo(2);
    }

    @Test
    void anOpenRunHasNoUsersToLimit() throws Exception {
        Script s = Script.create().task("work", 1, u -> u.protocol().call("work", Duration.ofMillis(5), Outcome.OK));
        AtomicReference<RecordingOutput> self = new AtomicReference<>();
        AtomicReference<Boolean> limited = new AtomicReference<>();
        RecordingOutput probe = new RecordingOutput(snap -> limited.compareAndSet(null, self.get().info.control().limitUsers(1, "test")));
        self.set(probe);
        Runs.run(Runs.config(s.scenario(), OpenModel.constant(20, Duration.ofMillis(500), 10)), probe);
        assertThat(limited.get()).isFalse();
    }
}
