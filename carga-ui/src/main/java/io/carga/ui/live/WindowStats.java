package io.carga.ui.live;

import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The last few seconds of a run, per request: the intervals themselves are kept (their histograms are
 * each interval's own, never reused by the engine) and merged when asked, so a windowed p99 is the p99
 * of the window's requests, not an average of per-second p99s. Not thread-safe: {@link LiveRun} guards it.
 */
final class WindowStats {
    /** One request's figures over the window. */
    record Figures(long count, long failures, double seconds, Histogram latency) {
        double rps() {
            return count / seconds;
        }
    }

    private final double windowSeconds;
    private final Deque<IntervalSnapshot> intervals = new ArrayDeque<>();

    WindowStats(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    void add(IntervalSnapshot s) {
        intervals.addLast(s);
        while (intervals.size() > 1 && covered() - intervals.peekFirst().durationSeconds() >= windowSeconds - 1e-9) {
            intervals.removeFirst();
        }
    }

    /** Seconds the kept intervals cover: the window, or less early in the run. */
    double covered() {
        double s = 0;
        for (IntervalSnapshot i : intervals) {
            s += i.durationSeconds();
        }
        return s;
    }

    /** Figures by series label, and "" for all requests together. */
    Map<String, Figures> figures() {
        double seconds = Math.max(1e-3, covered());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Histogram> latency = new LinkedHashMap<>();
        for (IntervalSnapshot s : intervals) {
            for (SeriesInterval si : s.requests()) {
                for (String label : new String[] {si.key().label(), ""}) {
                    long[] c = counts.computeIfAbsent(label, k -> new long[2]);
                    c[0] += si.count();
                    c[1] += si.errors();
                    latency.computeIfAbsent(label, k -> Histograms.newHistogram()).add(si.latency());
                }
            }
        }
        Map<String, Figures> out = new LinkedHashMap<>();
        counts.forEach((label, c) -> out.put(label, new Figures(c[0], c[1], seconds, latency.get(label))));
        return out;
    }
}
