package io.carga.report.html;

import io.carga.core.event.Outcome;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The run's time series folded into buckets of a fixed number of intervals, so a one-hour run draws a
 * few hundred points rather than 3,600. Each bucket's percentiles are exact over the bucket: its interval
 * histograms are merged, never averaged. Only one bucket's histograms are held at a time.
 *
 * <p>Feed it every interval in order with {@link #add}, then call {@link #finish}.
 */
public final class SeriesTimeline {
    /** Buckets the charts should get at most. */
    public static final int MAX_POINTS = 720;
    static final String ALL = "Aggregated";

    private final int intervalsPerBucket;
    private final Map<String, Histogram> open = new TreeMap<>();
    private final Map<String, long[]> openOutcomes = new TreeMap<>();
    private final Map<String, Map<String, Double>> openFields = new TreeMap<>();
    private final Map<String, Long> openBytes = new TreeMap<>();
    private final Map<String, Histogram> cumulative = new TreeMap<>();
    private final Map<String, long[]> cumulativeCounts = new TreeMap<>();
    private int inBucket;
    private double openStart;
    private double openEnd;
    private long openEpochMs;
    private int openUsers;
    private long openDropped;
    private double openCpu;

    private final List<Bucket> buckets = new ArrayList<>();

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
            for (int i = 0; i < Percentiles.LOCUST.length; i++) {
                if (Percentiles.LOCUST[i] == p) {
                    return pcts[i];
                }
            }
            throw new IllegalArgumentException("not a kept percentile: " + p);
        }
    }

    /** The series from the start of the run to the end of a bucket (Locust's "Total …" history columns). */
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

    public void add(IntervalSnapshot s) {
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
        for (SeriesInterval si : s.requests()) {
            fold(si.key().label(), si);
            fold(ALL, si);
        }
        if (++inBucket == intervalsPerBucket) {
            flush();
        }
    }

    private void fold(String name, SeriesInterval si) {
        open.computeIfAbsent(name, k -> Histograms.newHistogram()).add(si.latency());
        long[] o = openOutcomes.computeIfAbsent(name, k -> new long[Outcome.values().length]);
        for (int i = 0; i < o.length; i++) {
            o[i] += si.outcomes()[i];
        }
        openBytes.merge(name, si.bytesIn(), Long::sum);
        if (!si.fieldSums().isEmpty()) {
            Map<String, Double> f = openFields.computeIfAbsent(name, k -> new TreeMap<>());
            si.fieldSums().forEach((k, v) -> f.merge(k, v, Double::sum));
        }
    }

    private void flush() {
        Map<String, Cell> cells = new LinkedHashMap<>();
        open.forEach((name, h) -> {
            long[] o = openOutcomes.get(name);
            long count = 0;
            for (long c : o) {
                count += c;
            }
            if (count == 0) {
                return;
            }
            long[] p = Percentiles.of(h, Percentiles.LOCUST);
            double[] ms = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                ms[i] = Histograms.ms(p[i]);
            }
            boolean empty = h.getTotalCount() == 0;
            Histogram all = cumulative.computeIfAbsent(name, k -> Histograms.newHistogram());
            all.add(h);
            long[] cc = cumulativeCounts.computeIfAbsent(name, k -> new long[3]);
            cc[0] += count;
            cc[1] += count - o[Outcome.OK.ordinal()];
            cc[2] += openBytes.getOrDefault(name, 0L);
            boolean none = all.getTotalCount() == 0;
            Totals totals = new Totals(cc[0], cc[1], none ? 0 : Histograms.ms(all.getValueAtPercentile(50)),
                    none ? 0 : Histograms.ms(all.getMean()), none ? 0 : Histograms.ms(all.getMinValue()),
                    none ? 0 : Histograms.ms(all.getMaxValue()), (double) cc[2] / cc[0]);
            cells.put(name, new Cell(count, count - o[Outcome.OK.ordinal()], empty ? 0 : Histograms.ms(h.getMean()),
                    empty ? 0 : Histograms.ms(h.getMinValue()), openBytes.getOrDefault(name, 0L), ms, o.clone(),
                    Map.copyOf(openFields.getOrDefault(name, Map.of())), totals));
            h.reset();
            java.util.Arrays.fill(o, 0);
        });
        openFields.clear();
        openBytes.clear();
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
