package io.carga.report.html;

import io.carga.core.event.Outcome;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.report.results.Percentiles;
import io.carga.report.results.ResultsLogReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's time series folded into buckets of a fixed number of intervals, so a one-hour run draws a
 * few hundred points rather than 3,600. It is made from each interval's latency figures, not from
 * histograms (see {@link LatencyBlend}): a bucket of one interval, as in runs of up to {@link #MAX_POINTS}
 * intervals, has that interval's exact percentiles; a longer one averages them. The run's own
 * percentiles, exact, are summary.json's and the tables'.
 *
 * <p>Feed it every interval in order with {@link #add}, then call {@link #finish}.
 */
public final class SeriesTimeline {
    /** Buckets the charts should get at most. */
    public static final int MAX_POINTS = 720;
    public static final String ALL = "Aggregated";

    private final int intervalsPerBucket;
    private final Map<String, Sums> open = new TreeMap<>();
    private final Map<String, Sums> cumulative = new TreeMap<>();
    private int inBucket;
    private double openStart;
    private double openEnd;
    private long openEpochMs;
    private int openUsers;
    private long openDropped;
    private double openCpu;

    private final List<Bucket> buckets = new ArrayList<>();

    /** One name's sums, over the open bucket or since the start of the run. */
    private static final class Sums {
        final long[] outcomes = new long[Outcome.values().length];
        final Map<String, Double> fields = new TreeMap<>();
        final LatencyBlend latency = new LatencyBlend();
        long bytesIn;

        void addCounts(SeriesInterval si) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] += si.outcomes()[i];
            }
            bytesIn += si.bytesIn();
            si.fieldSums().forEach((k, v) -> fields.merge(k, v, Double::sum));
        }

        void addBucket(Sums bucket) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] += bucket.outcomes[i];
            }
            bytesIn += bucket.bytesIn;
            latency.add(bucket.latency);
        }

        long count() {
            long n = 0;
            for (long c : outcomes) {
                n += c;
            }
            return n;
        }

        long errors() {
            return count() - outcomes[Outcome.OK.ordinal()];
        }
    }

    /**
     * One bucket of one series.
     *
     * @param pcts       {@link Percentiles#LOCUST} in milliseconds
     * @param outcomes   by {@link Outcome#ordinal()}
     * @param fieldSums  sums of the events' extra fields (tokens, cost, quality…)
     */
    public record Cell(long count, long errors, double meanMs, double minMs, long bytesIn, double[] pcts, long[] outcomes,
                       Map<String, Double> fieldSums, Totals totals) {
        public double pct(double p) {
            return pcts[Percentiles.indexOf(p)];
        }
    }

    /**
     * The series from the start of the run to the end of a bucket (Locust's "Total …" history columns);
     * the median is the intervals' averaged, as a bucket's percentiles are.
     */
    public record Totals(long count, long errors, double medianMs, double meanMs, double minMs, double maxMs, double avgBytes) {
    }

    /** One bucket: when, how many users, and a cell per series that had traffic ("Aggregated" for all). */
    public record Bucket(double startSeconds, double endSeconds, long epochMs, int users, long dropped, double cpu,
                         Map<String, Cell> cells) {
        public double seconds() {
            return Math.max(1e-3, endSeconds - startSeconds);
        }
    }

    public SeriesTimeline(int intervalsPerBucket) {
        this.intervalsPerBucket = Math.max(1, intervalsPerBucket);
    }

    /** A timeline for about {@code intervals} intervals, at most {@link #MAX_POINTS} buckets. */
    public static SeriesTimeline forIntervals(long intervals) {
        return new SeriesTimeline((int) Math.max(1, (intervals + MAX_POINTS - 1) / MAX_POINTS));
    }

    public int intervalsPerBucket() {
        return intervalsPerBucket;
    }

    public void add(ResultsLogReader.Interval interval) {
        IntervalSnapshot s = interval.snapshot();
        if (inBucket == 0) {
            openStart = s.elapsedSeconds() - s.durationSeconds();
            openUsers = 0;
            openDropped = 0;
            openCpu = 0;
        }
        openEnd = s.elapsedSeconds();
        openEpochMs = s.endEpochMs();
        openUsers = Math.max(openUsers, s.users());
        openDropped += s.dropped();
        openCpu = Math.max(openCpu, s.generator().cpu());
        long requests = 0;
        for (SeriesInterval si : s.requests()) {
            String label = si.key().label();
            Sums sums = open.computeIfAbsent(label, k -> new Sums());
            sums.addCounts(si);
            sums.latency.add(interval.latency().series().get(label), si.count());
            open.computeIfAbsent(ALL, k -> new Sums()).addCounts(si);
            requests += si.count();
        }
        if (!s.requests().isEmpty()) {
            open.get(ALL).latency.add(interval.latency().all(), requests);
        }
        if (++inBucket == intervalsPerBucket) {
            flush();
        }
    }

    private void flush() {
        Map<String, Cell> cells = new LinkedHashMap<>();
        open.forEach((name, b) -> {
            long count = b.count();
            if (count == 0) {
                return;
            }
            Sums all = cumulative.computeIfAbsent(name, k -> new Sums());
            all.addBucket(b);
            Totals totals = new Totals(all.count(), all.errors(), all.latency.medianMs(), all.latency.meanMs(),
                    all.latency.minMs(), all.latency.maxMs(), (double) all.bytesIn / all.count());
            cells.put(name, new Cell(count, b.errors(), b.latency.meanMs(), b.latency.minMs(), b.bytesIn,
                    b.latency.percentilesMs(), b.outcomes.clone(), Map.copyOf(b.fields), totals));
        });
        open.clear();
        buckets.add(new Bucket(openStart, openEnd, openEpochMs, openUsers, openDropped, openCpu, cells));
        inBucket = 0;
    }

    /** Closes the last, partial bucket. */
    public void finish() {
        if (inBucket > 0) {
            flush();
        }
    }

    public List<Bucket> buckets() {
        return buckets;
    }
}
