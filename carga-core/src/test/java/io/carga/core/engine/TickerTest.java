package io.carga.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.testkit.RecordingOutput;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TickerTest {

    @Test
    void intervalsAreAlignedToTheRunStartAndNumbered() throws Exception {
        RecordingOutput out = new RecordingOutput();
        Ticker ticker = startTicker(new MetricsHub(), out, Duration.ofMillis(50), System.currentTimeMillis());
        Thread.sleep(280);
        finish(ticker);
        assertThat(out.snapshots).extracting(s -> s.index()).startsWith(0L, 1L, 2L, 3L, 4L);
        for (int i = 0; i < 5; i++) {
            assertThat(out.snapshots.get(i).durationSeconds()).isEqualTo(0.05);
        }
    }

    @Test
    void requestsRecordedJustAfterTheLastBoundaryAreStillDelivered() throws Exception {
        MetricsHub hub = new MetricsHub();
        AtomicReference<Ticker> ticker = new AtomicReference<>();
        RecordingOutput out = new RecordingOutput(snap -> {
            if (snap.index() == 0) {
                // the run ends a few microseconds after the first boundary, with two more requests done
                long now = System.nanoTime();
                hub.record(RequestEvent.of("late", "fake", now - 1000, now, Outcome.OK, null));
                hub.record(RequestEvent.of("late", "fake", now - 1000, now, Outcome.OK, null));
                ticker.get().finish();
            }
        });
        // a start on a whole millisecond, so both the boundary and the end fall in the same millisecond
        long epoch = (System.currentTimeMillis() / 1000) * 1000;
        ticker.set(startTicker(hub, out, Duration.ofMillis(50), epoch));
        threadOf(ticker.get()).join(5000);

        assertThat(ticker.get().aggregate().total().count()).isEqualTo(2);
        assertThat(out.requests()).isEqualTo(2);
    }

    private static final java.util.Map<Ticker, Thread> THREADS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Ticker startTicker(MetricsHub hub, RecordingOutput out, Duration interval, long epoch) {
        Script s = Script.create().task("x", 1, u -> { });
        RunState run = new RunState(Runs.config(s.scenario(), ClosedModel.of(1, 0, Duration.ofSeconds(1))).withInterval(interval),
                hub, System.nanoTime());
        OutputFanout fanout = new OutputFanout(List.of(out));
        Ticker t = new Ticker(run, hub, fanout, new Steering(run.config.load(), run.startNanos, epoch), interval, epoch);
        THREADS.put(t, Thread.ofPlatform().daemon().start(t));
        return t;
    }

    private static Thread threadOf(Ticker t) {
        return THREADS.get(t);
    }

    private static void finish(Ticker t) throws InterruptedException {
        t.finish();
        threadOf(t).join(5000);
    }
}
