package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.config.RunConfig;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.RecordingOutput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A load loop of its own records into the hub; the driven run ticks, stops and ends it as the engine would. */
@Timeout(15)
class DrivenRunTest {
    private final MetricsHub hub = new MetricsHub();
    private final RecordingOutput recorder = new RecordingOutput();
    private final AtomicInteger stops = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private static RunConfig config() {
        return DrivenRun.config("own loop", ClosedModel.of(2, 0, Duration.ofSeconds(1)))
                .withInterval(Duration.ofMillis(100)).withMaxDuration(Duration.ofSeconds(20));
    }

    private DrivenRun start(RunConfig config, Output... more) {
        List<Output> outputs = new java.util.ArrayList<>(List.of(more));
        outputs.add(recorder);
        return DrivenRun.start(config, hub, outputs, "driven-test", () -> {
            stops.incrementAndGet();
            stopped.countDown();
        });
    }

    private void request() {
        long t = System.nanoTime();
        hub.record(RequestEvent.of("q", "sql", t - 1_000_000, t, Outcome.OK, null));
    }

    @Test
    void everyIntervalReachesTheOutputsAndTheResultHoldsEveryRequest() throws Exception {
        DrivenRun run = start(config());
        assertThat(recorder.info.runId()).isEqualTo("driven-test");
        assertThat(recorder.info.config().scenario().name()).isEqualTo("own loop");
        run.userStarted();
        run.userStarted();
        long end = System.nanoTime() + 350_000_000L;
        int sent = 0;
        while (System.nanoTime() < end) {
            request();
            sent++;
            Thread.sleep(5);
        }
        run.userEnded();
        run.userEnded();
        RunResult result = run.finish();

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.aggregate().total().count(Outcome.OK)).isEqualTo(sent);
        assertThat(recorder.requests()).as("the last, partial interval is delivered too").isEqualTo(sent);
        assertThat(recorder.snapshots).hasSizeBetween(3, 6);
        assertThat(recorder.usersPeak()).isEqualTo(2);
        assertThat(recorder.result).isSameAs(result);
        assertThat(stops).as("a driver that ends by itself is not asked to stop").hasValue(0);
    }

    @Test
    void anOutputStopsTheDriverOnceAndItsReasonIsTheResults() throws Exception {
        AtomicReference<RunInfo> info = new AtomicReference<>();
        Output aborter = new Output() {
            @Override
            public void start(RunInfo i) {
                info.set(i);
            }

            @Override
            public void interval(io.carga.core.metrics.IntervalSnapshot s) {
                if (s.index() >= 1) {
                    info.get().control().stop(StopReason.ABORTED, "budget exceeded");
                }
            }
        };
        DrivenRun run = start(config(), aborter);
        while (!stopped.await(5, TimeUnit.MILLISECONDS)) {
            request();
        }
        assertThat(run.stopping()).isTrue();
        RunResult result = run.finish();

        assertThat(result.reason()).isEqualTo(StopReason.ABORTED);
        assertThat(result.cause()).isEqualTo("budget exceeded");
        assertThat(stops).as("asked again on later intervals, announced once").hasValue(1);
    }

    @Test
    void theMaximumDurationStopsTheDriver() throws Exception {
        long t0 = System.nanoTime();
        DrivenRun run = start(config().withMaxDuration(Duration.ofMillis(300)));
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        RunResult result = run.finish();

        assertThat(result.reason()).isEqualTo(StopReason.MAX_DURATION);
        assertThat(result.cause()).contains("maximum duration of 300ms");
        assertThat((System.nanoTime() - t0) / 1e9).isBetween(0.3, 2.0);
    }

    @Test
    void aStopAskedWhileTheOutputsStartIsHeardAtOnce() throws Exception {
        Output refuses = new Output() {
            @Override
            public void start(RunInfo i) {
                i.control().stop(StopReason.ABORTED, "no budget left");
            }

            @Override
            public void interval(io.carga.core.metrics.IntervalSnapshot s) {
            }
        };
        DrivenRun run = start(config(), refuses);
        assertThat(stops).hasValue(1);
        assertThat(run.stopping()).isTrue();
        assertThat(run.finish().cause()).isEqualTo("no budget left");
    }

    @Test
    void aStopFromOutsideTheOutputsIsAnnouncedAndKeepsItsReason() throws Exception {
        DrivenRun run = start(config());
        run.stop(StopReason.SIGNAL, "stopped by a signal");
        assertThat(stops).hasValue(1);
        assertThat(run.finish().reason()).isEqualTo(StopReason.SIGNAL);
    }
}
