package io.carga.core.testkit;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An output that keeps everything it is handed, and can act on each interval (to stop a run, say). */
public final class RecordingOutput implements Output {
    public final List<IntervalSnapshot> snapshots = new CopyOnWriteArrayList<>();
    public volatile RunInfo info;
    public volatile RunResult result;
    private final Consumer<IntervalSnapshot> onInterval;

    public RecordingOutput() {
        this(s -> { });
    }

    public RecordingOutput(Consumer<IntervalSnapshot> onInterval) {
        this.onInterval = onInterval;
    }

    @Override
    public void start(RunInfo info) {
        this.info = info;
    }

    @Override
    public void interval(IntervalSnapshot snapshot) {
        snapshots.add(snapshot);
        onInterval.accept(snapshot);
    }

    @Override
    public void finish(RunResult result) {
        this.result = result;
    }

    /** Requests of every series over every interval delivered. */
    public long requests() {
        return snapshots.stream().flatMap(s -> s.requests().stream()).mapToLong(r -> r.count()).sum();
    }

    public long dropped() {
        return snapshots.stream().mapToLong(IntervalSnapshot::dropped).sum();
    }

    public int usersPeak() {
        return snapshots.stream().mapToInt(IntervalSnapshot::users).max().orElse(0);
    }
}
