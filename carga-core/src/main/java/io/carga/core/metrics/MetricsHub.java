package io.carga.core.metrics;

import io.carga.core.api.Metrics;
import io.carga.core.event.EventSink;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The one place every measurement of a run goes through. Virtual users write into it concurrently and
 * without locks ({@link #record}); the interval ticker {@link #drain drains} it once per interval into an
 * immutable {@link IntervalSnapshot}. Nothing is kept per sample, so memory does not grow with run length.
 */
public final class MetricsHub implements EventSink {
    private final ConcurrentHashMap<SeriesKey, RequestSeries> series = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RequestSeries> untagged = new ConcurrentHashMap<>();
    private final CustomMetrics custom = new CustomMetrics();
    private final Recorder lag = Histograms.newRecorder();
    private final LongAdder dropped = new LongAdder();
    private final GeneratorMonitor monitor = new GeneratorMonitor();

    @Override
    public void record(RequestEvent e) {
        seriesFor(e.name(), e.tags()).record(e);
    }

    /**
     * Creates the untagged series {@code name} before its first event: it then shows with no events until it has
     * some, and the first event takes the same path as every later one (a client whose hot path the JIT
     * compiled beforehand is not recompiled for it).
     */
    public void declare(String name) {
        seriesFor(name, Tags.EMPTY);
    }

    private RequestSeries seriesFor(String name, Tags tags) {
        if (tags.isEmpty()) {
            // Most requests carry no tags: keying by the name alone skips hashing a Tags record.
            RequestSeries s = untagged.get(name);
            return s != null ? s : untagged.computeIfAbsent(name, n -> series.computeIfAbsent(SeriesKey.of(n), RequestSeries::new));
        }
        return series.computeIfAbsent(new SeriesKey(name, tags), RequestSeries::new);
    }

    /** Scenario-recorded counters, gauges and timings. */
    public Metrics metrics() {
        return custom;
    }

    /** How late a virtual user (or the arrival scheduler) woke against its plan. */
    public void recordLag(long lateNanos) {
        lag.recordValue(Histograms.micros(Math.max(0, lateNanos)));
    }

    /** An iteration the load model wanted but could not start (no free slot). */
    public void recordDropped() {
        dropped.increment();
    }

    /**
     * Takes everything recorded since the last drain. Called by one thread only (the ticker).
     */
    public IntervalSnapshot drain(long index, long startEpochMs, long endEpochMs, double elapsedSeconds, int users) {
        List<SeriesInterval> out = new ArrayList<>(series.size());
        for (RequestSeries s : series.values()) {
            out.add(s.drain());
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        GeneratorSample health = monitor.sample(lag.getIntervalHistogram());
        return new IntervalSnapshot(index, startEpochMs, endEpochMs, elapsedSeconds, users, dropped.sumThenReset(),
                List.copyOf(out), custom.drain(), health);
    }
}
