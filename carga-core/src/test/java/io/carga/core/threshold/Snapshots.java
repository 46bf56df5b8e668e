package io.carga.core.threshold;

import io.carga.core.event.Outcome;
import io.carga.core.event.Tags;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A fake clock that hands out one-second interval snapshots with chosen traffic: the test decides what
 * each second measured and when it ended, so windowed rules can be checked over "hours" in microseconds.
 */
final class Snapshots {
    private long nowMs;
    private long index;
    private final long startMs;

    Snapshots(long startMs) {
        this.nowMs = startMs;
        this.startMs = startMs;
    }

    long nowMs() {
        return nowMs;
    }

    /** One series' traffic in the next interval. */
    record Traffic(String name, Tags tags, int count, int errors, double latencyMs, Map<String, Double> fields) {
        static Traffic of(String name, int count, double latencyMs) {
            return new Traffic(name, Tags.EMPTY, count, 0, latencyMs, Map.of());
        }

        Traffic tagged(Tags t) {
            return new Traffic(name, t, count, errors, latencyMs, fields);
        }

        Traffic failing(int e) {
            return new Traffic(name, tags, count, e, latencyMs, fields);
        }

        Traffic fields(Map<String, Double> f) {
            return new Traffic(name, tags, count, errors, latencyMs, f);
        }
    }

    /** Advances the clock one second and returns that second's snapshot. */
    IntervalSnapshot next(Traffic... traffic) {
        long start = nowMs;
        nowMs += 1000;
        List<SeriesInterval> list = new ArrayList<>();
        for (Traffic t : traffic) {
            Histogram h = Histograms.newHistogram();
            h.recordValueWithCount(Math.round(t.latencyMs() * 1000), Math.max(1, t.count()));
            long[] outcomes = new long[Outcome.values().length];
            outcomes[Outcome.OK.ordinal()] = t.count() - t.errors();
            outcomes[Outcome.SERVER_ERROR.ordinal()] = t.errors();
            list.add(new SeriesInterval(new SeriesKey(t.name(), t.tags()), t.count() == 0 ? Histograms.newHistogram() : h,
                    h, outcomes, 0, 0, t.fields()));
        }
        return new IntervalSnapshot(index++, start, nowMs, (nowMs - startMs) / 1000.0, 10, 0, list,
                CustomInterval.EMPTY, new GeneratorSample(0.1, Histograms.newHistogram(), 0, 0, 0));
    }
}
