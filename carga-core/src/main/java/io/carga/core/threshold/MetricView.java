package io.carga.core.threshold;

import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one scope measured over some span of time (one interval, a sliding window, the run so far): the
 * merged latency histogram of its request series, their counts and extra-field sums, the scope's custom
 * timings, and the run-wide users and dropped iterations. {@link Measure}s read metrics off it.
 * Not thread-safe; built and read on the interval thread.
 */
public final class MetricView {
    private final Histogram latency = Histograms.newHistogram();
    private final Map<String, Double> fieldSums = new TreeMap<>();
    private final Map<String, Histogram> timings = new TreeMap<>();
    private long count;
    private long errors;
    private double seconds;
    private long dropped;
    private int usersPeak;
    /** Users integrated over the span (each interval's users × its length): what cost per user-hour divides by. */
    private double userSeconds;

    /** The part of one snapshot inside {@code scope}. */
    public static MetricView of(IntervalSnapshot s, Scope scope, Tiers tiers) {
        MetricView v = new MetricView();
        for (SeriesInterval si : s.requests()) {
            if (scope.matches(si.key(), tiers)) {
                v.latency.add(si.latency());
                v.count += si.count();
                v.errors += si.errors();
                si.fieldSums().forEach((k, x) -> v.fieldSums.merge(k, x, Double::sum));
            }
        }
        s.custom().timings().forEach((k, h) -> v.timing(k, h, scope, tiers));
        v.seconds = s.durationSeconds();
        v.dropped = s.dropped();
        v.usersPeak = s.users();
        v.userSeconds = s.users() * s.durationSeconds();
        return v;
    }

    /** The part of a whole run inside {@code scope}. */
    public static MetricView of(RunAggregate a, Scope scope, Tiers tiers) {
        MetricView v = new MetricView();
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            if (scope.matches(e.getKey(), tiers)) {
                SeriesTotals t = e.getValue();
                v.latency.add(t.latency());
                v.count += t.count();
                v.errors += t.errors();
                t.fieldSums().forEach((k, x) -> v.fieldSums.merge(k, x, Double::sum));
            }
        }
        a.timings().forEach((k, h) -> v.timing(k, h, scope, tiers));
        v.seconds = a.durationSeconds();
        v.dropped = a.dropped();
        v.usersPeak = a.usersPeak();
        double prev = 0;
        for (io.carga.core.metrics.TimePoint p : a.timeline()) {
            v.userSeconds += p.users() * Math.max(0, p.elapsedSeconds() - prev);
            prev = p.elapsedSeconds();
        }
        return v;
    }

    private void timing(SeriesKey k, Histogram h, Scope scope, Tiers tiers) {
        // Custom timings are scoped by their tags only: their name is the metric's own name.
        if (new Scope(scope.selectors().stream().filter(s -> !(s instanceof Selector.Name)).toList()).matches(k, tiers)) {
            timings.computeIfAbsent(k.name(), x -> Histograms.newHistogram()).add(h);
        }
    }

    /** Adds another span (the next interval of a window, or of the run so far). */
    public void add(MetricView o) {
        latency.add(o.latency);
        count += o.count;
        errors += o.errors;
        o.fieldSums.forEach((k, x) -> fieldSums.merge(k, x, Double::sum));
        o.timings.forEach((k, h) -> timings.computeIfAbsent(k, x -> Histograms.newHistogram()).add(h));
        seconds += o.seconds;
        dropped += o.dropped;
        usersPeak = Math.max(usersPeak, o.usersPeak);
        userSeconds += o.userSeconds;
    }

    /** Takes away a span added before (the oldest interval leaving a sliding window). */
    public void subtract(MetricView o) {
        latency.subtract(o.latency);
        count -= o.count;
        errors -= o.errors;
        o.fieldSums.forEach((k, x) -> fieldSums.computeIfPresent(k, (key, sum) -> sum - x));
        o.timings.forEach((k, h) -> timings.get(k).subtract(h));
        seconds -= o.seconds;
        dropped -= o.dropped;
        userSeconds -= o.userSeconds;
    }

    void usersPeak(int peak) {
        usersPeak = peak;
    }

    /** Latency from the intended start, microseconds. Read only. */
    public Histogram latency() {
        return latency;
    }

    public long count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    /** Length of the span in seconds. */
    public double seconds() {
        return seconds;
    }

    public long dropped() {
        return dropped;
    }

    public int usersPeak() {
        return usersPeak;
    }

    /** Users integrated over the span, in user-hours. */
    public double userHours() {
        return userSeconds / 3600;
    }

    /** Sums of the events' extra fields (tokens, cost…); absent when no event carried the field. */
    public Map<String, Double> fieldSums() {
        return fieldSums;
    }

    /** Scenario timings by metric name, microseconds. */
    public Map<String, Histogram> timings() {
        return timings;
    }
}
