package io.carga.core.engine;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.metrics.RunAggregate;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The interval thread: at every interval boundary (aligned to the run start, so intervals do not drift)
 * it drains the hub, folds the snapshot into the run aggregate and hands it to the outputs. On finish it
 * delivers the last, partial interval.
 */
final class Ticker implements Runnable {
    private final RunState run;
    private final MetricsHub hub;
    private final OutputFanout outputs;
    private final Steering steering;
    private final long intervalNanos;
    private final long startEpochMs;
    private final RunAggregate aggregate = new RunAggregate();
    private volatile boolean finishing;
    private volatile Thread thread;
    private long index;
    private long lastEpoch;

    Ticker(RunState run, MetricsHub hub, OutputFanout outputs, Steering steering, Duration interval, long startEpochMs) {
        this.run = run;
        this.hub = hub;
        this.outputs = outputs;
        this.steering = steering;
        this.intervalNanos = interval.toNanos();
        this.startEpochMs = startEpochMs;
        this.lastEpoch = startEpochMs;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (true) {
            long boundary = run.startNanos + (index + 1) * intervalNanos;
            long now;
            while (!finishing && (now = System.nanoTime()) < boundary) {
                LockSupport.parkNanos(boundary - now);
            }
            if (finishing) {
                tick(System.nanoTime());
                return;
            }
            tick(boundary);
        }
    }

    private void tick(long atNanos) {
        long elapsed = atNanos - run.startNanos;
        long endEpoch = startEpochMs + elapsed / 1_000_000L;
        // The final interval may end within the millisecond of the last boundary: it is still drained, and
        // delivered (one millisecond long) unless it holds nothing, so no request is lost at the end.
        boolean sameMillisecond = endEpoch <= lastEpoch && index > 0;
        if (sameMillisecond) {
            endEpoch = lastEpoch + 1;
        }
        steering.takeUnreported().forEach(outputs::loadChanged);
        IntervalSnapshot s = hub.drain(index, lastEpoch, endEpoch, elapsed / 1e9, run.takeIntervalPeak());
        if (sameMillisecond && isEmpty(s)) {
            return;
        }
        lastEpoch = endEpoch;
        index++;
        aggregate.add(s);
        outputs.interval(s);
    }

    private static boolean isEmpty(IntervalSnapshot s) {
        return s.dropped() == 0 && s.requests().stream().allMatch(r -> r.count() == 0)
                && s.custom().counters().values().stream().allMatch(v -> v == 0);
    }

    /** Delivers the last interval and ends the thread. */
    void finish() {
        finishing = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Only read after the ticker thread ended. */
    RunAggregate aggregate() {
        return aggregate;
    }
}
