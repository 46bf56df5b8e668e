package io.carga.core.metrics;

import io.carga.core.event.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The whole run folded together from its interval snapshots: cumulative histograms per series, the
 * time series, generator health. The same class serves a live run and a run rebuilt from its results
 * folder, which is what lets the report be rebuilt after a crash. Not thread-safe: one consumer feeds it.
 */
public final class RunAggregate {
    private final Map<SeriesKey, SeriesTotals> requests = new TreeMap<>();
    private final SeriesTotals total = new SeriesTotals();
    private final List<TimePoint> timeline = new ArrayList<>();
    private final Map<SeriesKey, Double> counters = new TreeMap<>();
    private final Map<SeriesKey, Double> gauges = new TreeMap<>();
    private final Map<SeriesKey, Histogram> timings = new TreeMap<>();
    private final Histogram lag = Histograms.newHistogram();
    private final Histogram steadyLag = Histograms.newHistogram();
    private long startEpochMs = -1;
    private long endEpochMs;
    private double elapsedSeconds;
    private long dropped;
    private int usersPeak;
    private double cpuPeak;
    private long gcPauseMs;
    private long heapPeak;
    private long cpuTimeFirst = -1;
    private long cpuTimeLast;
    private int saturatedStreak;
    private int saturatedStreakMax;

    /** CPU share (0..1 of the machine) from which an interval counts as saturated. */
    public static final double SATURATED_CPU = 0.95;
    /** Scheduling lag p99 from which the generator is judged saturated, in milliseconds. */
    public static final double SATURATED_LAG_MS = 100;
    /** Consecutive saturated-CPU intervals that make the run's figures suspect. */
    public static final int SATURATED_INTERVALS = 3;

    /**
     * An interval's latency over all its requests, and its scheduling lag p99, in milliseconds: what a point
     * of the time series keeps of the interval's histograms.
     */
    public record IntervalLatency(double p50, double p95, double p99, double max, double lagP99) {
        static IntervalLatency of(Histogram latency, Histogram lag) {
            return new IntervalLatency(pct(latency, 50), pct(latency, 95), pct(latency, 99),
                    latency.getTotalCount() == 0 ? 0 : Histograms.ms(latency.getMaxValue()), pct(lag, 99));
        }
    }

    public void add(IntervalSnapshot s) {
        Histogram intervalLatency = Histograms.newHistogram();
        for (SeriesInterval si : s.requests()) {
            series(si.key()).addHistograms(si.latency(), si.service());
            total.addHistograms(si.latency(), si.service());
            intervalLatency.add(si.latency());
        }
        s.custom().timings().forEach(this::addTimingTotal);
        lag.add(s.generator().lag());
        if (s.index() > 0) {
            steadyLag.add(s.generator().lag());
        }
        addWithoutHistograms(s, IntervalLatency.of(intervalLatency, s.generator().lag()));
    }

    /**
     * Folds everything of an interval but its histograms, which {@code latency} stands for in the time
     * series. A run read back from a results folder that kept its whole-run histograms is rebuilt this way,
     * then given those histograms with {@link #addTotals}, {@link #addTimingTotal} and {@link #addLagTotals}:
     * decoding every interval's histograms is what made a long run's report slow.
     */
    public void addWithoutHistograms(IntervalSnapshot s, IntervalLatency latency) {
        if (startEpochMs < 0) {
            startEpochMs = s.startEpochMs();
        }
        endEpochMs = s.endEpochMs();
        elapsedSeconds = s.elapsedSeconds();
        long[] outcomes = new long[Outcome.values().length];
        long count = 0;
        long errors = 0;
        for (SeriesInterval si : s.requests()) {
            series(si.key()).addCounts(si);
            total.addCounts(si);
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] += si.outcomes()[i];
            }
            count += si.count();
            errors += si.errors();
        }
        s.custom().counters().forEach((k, v) -> counters.merge(k, v, Double::sum));
        gauges.putAll(s.custom().gauges());
        GeneratorSample g = s.generator();
        dropped += s.dropped();
        usersPeak = Math.max(usersPeak, s.users());
        cpuPeak = Math.max(cpuPeak, g.cpu());
        gcPauseMs += g.gcPauseMs();
        heapPeak = Math.max(heapPeak, g.heapUsed());
        if (cpuTimeFirst < 0) {
            cpuTimeFirst = g.cpuTimeNanos();
        }
        cpuTimeLast = g.cpuTimeNanos();
        saturatedStreak = g.cpu() >= SATURATED_CPU ? saturatedStreak + 1 : 0;
        saturatedStreakMax = Math.max(saturatedStreakMax, saturatedStreak);
        double seconds = Math.max(1e-3, s.durationSeconds());
        timeline.add(new TimePoint(s.elapsedSeconds(), s.endEpochMs(), s.users(), count / seconds, count, errors,
                s.dropped(), latency.p50(), latency.p95(), latency.p99(), latency.max(), outcomes, g.cpu(), latency.lagP99()));
    }

    /** Adds whole-run histograms of one series, to it and to the total (see {@link #addWithoutHistograms}). */
    public void addTotals(SeriesKey key, Histogram latency, Histogram service) {
        series(key).addHistograms(latency, service);
        total.addHistograms(latency, service);
    }

    /** Adds to a scenario timing's histogram. */
    public void addTimingTotal(SeriesKey key, Histogram h) {
        timings.computeIfAbsent(key, x -> Histograms.newHistogram()).add(h);
    }

    /** Adds whole-run scheduling lag: over every interval, and over all but the first (see {@link #steadyLag}). */
    public void addLagTotals(Histogram all, Histogram afterFirstInterval) {
        lag.add(all);
        steadyLag.add(afterFirstInterval);
    }

    private SeriesTotals series(SeriesKey key) {
        return requests.computeIfAbsent(key, k -> new SeriesTotals());
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? 0 : Histograms.ms(h.getValueAtPercentile(p));
    }

    public Map<SeriesKey, SeriesTotals> requests() {
        return Collections.unmodifiableMap(requests);
    }

    public SeriesTotals total() {
        return total;
    }

    public List<TimePoint> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    public Map<SeriesKey, Double> counters() {
        return counters;
    }

    public Map<SeriesKey, Double> gauges() {
        return gauges;
    }

    public Map<SeriesKey, Histogram> timings() {
        return timings;
    }

    public long startEpochMs() {
        return Math.max(0, startEpochMs);
    }

    public long endEpochMs() {
        return endEpochMs;
    }

    /** Seconds from the start of the run to the end of the last interval. */
    public double durationSeconds() {
        return elapsedSeconds;
    }

    public long dropped() {
        return dropped;
    }

    public int usersPeak() {
        return usersPeak;
    }

    public double cpuPeak() {
        return cpuPeak;
    }

    public long gcPauseMs() {
        return gcPauseMs;
    }

    public long heapPeak() {
        return heapPeak;
    }

    /** CPU time this process spent over the measured intervals, nanoseconds. */
    public long cpuTimeNanos() {
        return cpuTimeFirst < 0 ? 0 : cpuTimeLast - cpuTimeFirst;
    }

    /** Scheduling lag over the whole run, microseconds. */
    public Histogram lag() {
        return lag;
    }

    /** Scheduling lag after the first interval, microseconds: what {@link #saturated()} judges. */
    public Histogram steadyLag() {
        return steadyLag;
    }

    public double lagP99Ms() {
        return pct(lag, 99);
    }

    /**
     * True when the generator itself was the bottleneck, so latency figures can't be trusted: its
     * scheduling lag p99 (after the first, warm-up interval) passed {@value #SATURATED_LAG_MS} ms, or it used {@value #SATURATED_CPU} of the
     * machine's CPU for {@value #SATURATED_INTERVALS} intervals in a row.
     */
    public boolean saturated() {
        // The first interval is warm-up (class loading, JIT, users starting): its lag says little about the
        // generator's capacity, so it is left out of the verdict when later intervals exist.
        Histogram judged = steadyLag.getTotalCount() > 0 ? steadyLag : lag;
        double p99 = judged.getTotalCount() == 0 ? 0 : Histograms.ms(judged.getValueAtPercentile(99));
        return p99 > SATURATED_LAG_MS || saturatedStreakMax >= SATURATED_INTERVALS;
    }

    /** Requests per second over the whole run. */
    public double rps(SeriesTotals t) {
        return elapsedSeconds <= 0 ? 0 : t.count() / elapsedSeconds;
    }
}
