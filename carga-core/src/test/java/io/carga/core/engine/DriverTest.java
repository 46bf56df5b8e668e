package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.config.RunConfig;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.Steerable;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.RecordingOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A load loop of its own, run by the engine: it ticks, stops and ends it as it does its executors. */
@Timeout(15)
class DriverTest {
    private final MetricsHub hub = new MetricsHub();
    private final RecordingOutput recorder = new RecordingOutput();
    private final AtomicInteger stops = new AtomicInteger();

    private static RunConfig config() {
        return Driver.config("own loop", ClosedModel.of(2, 0, Duration.ofSeconds(1)))
                .withInterval(Duration.ofMillis(100)).withMaxDuration(Duration.ofSeconds(20));
    }

    /** Two users sending a request every 5 ms until {@code forMillis} passed or the run is asked to stop. */
    private final class TwoUsers implements Driver {
        private final long forMillis;
        private final AtomicInteger sent = new AtomicInteger();
        volatile boolean stopHeard;

        TwoUsers(long forMillis) {
            this.forMillis = forMillis;
        }

        @Override
        public void drive(Drive run) throws InterruptedException {
            CountDownLatch stop = new CountDownLatch(1);
            run.onStop(() -> {
                stops.incrementAndGet();
                stopHeard = true;
                stop.countDown();
            });
            run.userStarted();
            run.userStarted();
            long end = run.startNanos() + forMillis * 1_000_000L;
            while (System.nanoTime() < end && !stop.await(5, TimeUnit.MILLISECONDS)) {
                long t = System.nanoTime();
                hub.record(RequestEvent.of("q", "sql", t - 1_000_000, t, Outcome.OK, null));
                sent.incrementAndGet();
            }
            run.userEnded();
            run.userEnded();
        }

        @Override
        public Map<String, String> describe() {
            return Map.of("threads", "test");
        }
    }

    private RunResult run(Driver driver, RunConfig config, Output... more) throws InterruptedException {
        List<Output> outputs = new ArrayList<>(List.of(more));
        outputs.add(recorder);
        return new Engine(config, hub, outputs, "driven-test", driver).run();
    }

    @Test
    void everyIntervalReachesTheOutputsAndTheResultHoldsEveryRequest() throws Exception {
        TwoUsers driver = new TwoUsers(350);
        RunResult result = run(driver, config());

        assertThat(recorder.info.runId()).isEqualTo("driven-test");
        assertThat(recorder.info.config().scenario().name()).isEqualTo("own loop");
        assertThat(recorder.info.driver()).containsEntry("threads", "test");
        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.aggregate().total().count(Outcome.OK)).isEqualTo(driver.sent.get());
        assertThat(recorder.requests()).as("the last, partial interval is delivered too").isEqualTo(driver.sent.get());
        assertThat(recorder.snapshots).hasSizeBetween(3, 6);
        assertThat(recorder.usersPeak()).isEqualTo(2);
        assertThat(recorder.result).isSameAs(result);
        assertThat(stops).as("a driver that ends by itself is not asked to stop").hasValue(0);
    }

    @Test
    void anOutputStopsTheDriverOnceAndItsReasonIsTheResults() throws Exception {
        Output aborter = new Output() {
            private RunInfo info;

            @Override
            public void start(RunInfo i) {
                info = i;
            }

            @Override
            public void interval(IntervalSnapshot s) {
                if (s.index() >= 1) {
                    info.control().stop(StopReason.ABORTED, "budget exceeded");
                }
            }
        };
        TwoUsers driver = new TwoUsers(10_000);
        RunResult result = run(driver, config(), aborter);

        assertThat(driver.stopHeard).isTrue();
        assertThat(result.reason()).isEqualTo(StopReason.ABORTED);
        assertThat(result.cause()).isEqualTo("budget exceeded");
        assertThat(stops).as("asked again on later intervals, told once").hasValue(1);
    }

    @Test
    void theMaximumDurationStopsTheDriver() throws Exception {
        long t0 = System.nanoTime();
        RunResult result = run(new TwoUsers(10_000), config().withMaxDuration(Duration.ofMillis(300)));

        assertThat(result.reason()).isEqualTo(StopReason.MAX_DURATION);
        assertThat(result.cause()).contains("maximum duration of 300ms");
        assertThat((System.nanoTime() - t0) / 1e9).isBetween(0.3, 5.0);
    }

    @Test
    void aStopAskedWhileTheOutputsStartIsHeardWhenTheDriverListens() throws Exception {
        Output refuses = new Output() {
            @Override
            public void start(RunInfo i) {
                i.control().stop(StopReason.ABORTED, "no budget left");
            }

            @Override
            public void interval(IntervalSnapshot s) {
            }
        };
        TwoUsers driver = new TwoUsers(10_000);
        RunResult result = run(driver, config(), refuses);

        assertThat(stops).hasValue(1);
        assertThat(driver.sent).hasValue(0);
        assertThat(result.cause()).isEqualTo("no budget left");
    }

    @Test
    void aStopFromOutsideIsHeardAndKeepsItsReason() throws Exception {
        Engine engine = new Engine(config(), hub, List.of(recorder), "driven-test", new TwoUsers(10_000));
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
            engine.stop(StopReason.SIGNAL, "stopped by a signal");
        });
        RunResult result = engine.run();
        stopper.join();

        assertThat(stops).hasValue(1);
        assertThat(result.reason()).isEqualTo(StopReason.SIGNAL);
    }

    @Test
    void aDriversLoadIsNotSteered() throws Exception {
        Engine engine = new Engine(config(), hub, List.of(recorder), "driven-test", run -> {
        });
        engine.run();

        assertThat(engine.steerable()).isEqualTo(Steerable.NONE);
        assertThatThrownBy(() -> engine.changeUsers(5, 1, "ui")).hasMessageContaining("drives its own clients");
        assertThat(engine.limitUsers(1, "budget")).isFalse();
    }
}
