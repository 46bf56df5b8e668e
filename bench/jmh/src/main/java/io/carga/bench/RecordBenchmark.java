package io.carga.bench;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.metrics.MetricsHub;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of recording one sample: {@link MetricsHub#record} of a {@link RequestEvent}, what every
 * protocol client pays once per request on the virtual user's thread. The goal is under 200 ns.
 *
 * <ul>
 * <li>{@code record}: one thread, a prebuilt event (latencies vary over 1,024 events);</li>
 * <li>{@code record2Threads}: two threads into the same series, the worst case for contention;</li>
 * <li>{@code recordTagged}: an event with tags (the series looked up by name and tags);</li>
 * <li>{@code buildAndRecord}: what a client really does: read the clock, build the event, record it.</li>
 * </ul>
 * The hub is drained after each iteration, as the ticker does once a second in a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordBenchmark {
    private static final int EVENTS = 1024;
    private MetricsHub hub;
    private RequestEvent[] plain;
    private RequestEvent[] tagged;
    private long drains;

    /** Each thread walks the events on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        int next() {
            return i = (i + 1) & (EVENTS - 1);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        hub = new MetricsHub();
        plain = new RequestEvent[EVENTS];
        tagged = new RequestEvent[EVENTS];
        SplittableRandom random = new SplittableRandom(1);
        Tags tags = Tags.of("model", "gemini-2.5-flash", "tier", "ai");
        long t = 1_000_000_000_000L;
        for (int k = 0; k < EVENTS; k++) {
            long service = (long) Math.exp(random.nextGaussian() + 14); // ~1 ms, log-normal
            long queued = random.nextInt(20) == 0 ? random.nextLong(5_000_000L) : 0;
            Outcome outcome = random.nextInt(100) == 0 ? Outcome.SERVER_ERROR : Outcome.OK;
            plain[k] = new RequestEvent("GET /api/v1/users/{id}", "http", Tags.EMPTY, t - queued, t, t + service, 180, 950,
                    outcome, null, Map.of());
            tagged[k] = new RequestEvent("POST /v1/chat", "ai", tags, t - queued, t, t + service, 1_200, 4_000,
                    outcome, null, Map.of());
        }
    }

    @TearDown(Level.Iteration)
    public void drain() {
        hub.drain(drains, 0, 1000, drains + 1, 1);
        drains++;
    }

    @Benchmark
    @Threads(1)
    public void record(Cursor c) {
        hub.record(plain[c.next()]);
    }

    @Benchmark
    @Threads(2)
    public void record2Threads(Cursor c) {
        hub.record(plain[c.next()]);
    }

    @Benchmark
    @Threads(1)
    public void recordTagged(Cursor c) {
        hub.record(tagged[c.next()]);
    }

    @Benchmark
    @Threads(1)
    public void buildAndRecord(Cursor c) {
        RequestEvent e = plain[c.next()];
        long end = System.nanoTime();
        hub.record(new RequestEvent(e.name(), "http", Tags.EMPTY, 0, end - e.serviceNanos(), end, 180, 950,
                e.outcome(), null, Map.of()));
    }
}
