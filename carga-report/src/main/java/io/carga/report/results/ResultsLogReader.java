package io.carga.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.event.Outcome;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Rebuilds a run from its results folder: the same {@link RunAggregate} a live run builds, so every
 * report can be made again, including for a run that was killed (its last, incomplete lines are ignored).
 *
 * <p>A finished run kept its whole-run histograms ({@value ResultsFiles#TOTALS}) and each interval's
 * latency figures (in the time series): it is read from those, without the interval log. A killed run
 * has no totals: its interval histograms are decoded and summed, which takes seconds per hour of run.
 */
public final class ResultsLogReader {
    /** A run read back from disk. */
    public record Rebuilt(RunMeta meta, RunAggregate aggregate, int intervals) {
    }

    /**
     * One interval read back, for the writers of the time series.
     *
     * @param snapshot the interval; its histograms are null when the run was read from its totals, so use
     *                 {@code latency} for the time series
     * @param latency  the interval's latency figures
     */
    public record Interval(IntervalSnapshot snapshot, IntervalFigures latency) {
    }

    public Rebuilt read(Path dir) throws IOException {
        return read(dir, s -> { });
    }

    /** Reads {@code dir}, also handing each interval to {@code each} (report writers that need the time series). */
    public Rebuilt read(Path dir, Consumer<Interval> each) throws IOException {
        Path series = dir.resolve(ResultsFiles.TIMESERIES);
        if (!Files.exists(series)) {
            throw new FileNotFoundException(dir + " is not a carga results folder (no " + ResultsFiles.TIMESERIES + ")");
        }
        RunMeta meta = RunMeta.read(dir);
        boolean figures = meta.keepsIntervalFigures();
        Map<String, Histogram> totals = figures ? TotalsLog.read(dir) : null;
        RunAggregate aggregate = new RunAggregate();
        int intervals = 0;
        try (BufferedReader in = Files.newBufferedReader(series);
             HlogCursor hlog = new HlogCursor(totals == null ? dir.resolve(ResultsFiles.HLOG) : null)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n;
                try {
                    n = RunMeta.JSON.readTree(line);
                } catch (IOException e) {
                    break; // the process died while writing this line: keep what came before
                }
                if (n == null || !n.has("end_ms")) {
                    break;
                }
                Interval interval;
                if (totals != null) {
                    interval = new Interval(snapshot(n, null), IntervalFigures.fromLine(n));
                    aggregate.addWithoutHistograms(interval.snapshot(), interval.latency().point());
                } else {
                    IntervalSnapshot s = snapshot(n, hlog.interval(n.path("start_ms").asLong()));
                    interval = new Interval(s, figures ? IntervalFigures.fromLine(n) : IntervalFigures.of(s));
                    aggregate.add(s);
                }
                each.accept(interval);
                intervals++;
            }
        }
        if (totals != null) {
            TotalsLog.addTo(totals, aggregate);
        }
        return new Rebuilt(meta, aggregate, intervals);
    }

    /**
     * Streams the hlog alongside the time series: both are written in interval order (an interval's
     * histograms before its time-series line), so only one interval's histograms are held at a time,
     * whatever the length of the run.
     */
    private static final class HlogCursor implements AutoCloseable {
        private final HistogramLogReader reader;
        private Histogram pending;

        /** A cursor over {@code hlog}; over nothing when it is null or missing. */
        HlogCursor(Path hlog) throws IOException {
            reader = hlog != null && Files.exists(hlog) ? new HistogramLogReader(hlog.toFile()) : null;
        }

        /** The histograms of the interval starting at {@code startMs}; the hlog keeps seconds with three decimals, so ±1 ms. */
        Map<String, Histogram> interval(long startMs) {
            Map<String, Histogram> out = new HashMap<>();
            while (true) {
                Histogram h = pending != null ? pending : next();
                pending = null;
                if (h == null) {
                    return out;
                }
                long start = h.getStartTimeStamp();
                if (start > startMs + 1) {
                    pending = h; // belongs to a later interval
                    return out;
                }
                if (start >= startMs - 1) {
                    out.put(h.getTag(), h);
                }
                // else: an interval without a time-series line (the run died in between): skip it
            }
        }

        private Histogram next() {
            if (reader == null) {
                return null;
            }
            while (true) {
                EncodableHistogram e;
                try {
                    e = reader.nextIntervalHistogram();
                } catch (RuntimeException broken) {
                    return null; // a truncated last line after a crash
                }
                if (e == null) {
                    return null;
                }
                if (e instanceof Histogram h) {
                    return h;
                }
            }
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** The interval of line {@code n}, with {@code histograms} by tag; null histograms when they were not read. */
    private static IntervalSnapshot snapshot(JsonNode n, Map<String, Histogram> histograms) {
        List<SeriesInterval> requests = new ArrayList<>();
        n.path("series").fields().forEachRemaining(f -> {
            String label = f.getKey();
            JsonNode r = f.getValue();
            long[] outcomes = new long[Outcome.values().length];
            r.path("o").fields().forEachRemaining(o -> outcomes[Outcome.fromKey(o.getKey()).ordinal()] = o.getValue().asLong());
            Map<String, Double> fields = new TreeMap<>();
            r.path("f").fields().forEachRemaining(x -> fields.put(x.getKey(), x.getValue().asDouble()));
            Map<String, Long> failures = new TreeMap<>();
            r.path("e").fields().forEachRemaining(x -> failures.put(x.getKey(), x.getValue().asLong()));
            requests.add(new SeriesInterval(SeriesKey.parse(label),
                    histogram(histograms, ResultsFiles.LATENCY, label), histogram(histograms, ResultsFiles.SERVICE, label), outcomes,
                    r.path("bi").asLong(), r.path("bo").asLong(), fields, failures));
        });
        Map<SeriesKey, Double> counters = new TreeMap<>();
        n.path("counters").fields().forEachRemaining(c -> counters.put(SeriesKey.parse(c.getKey()), c.getValue().asDouble()));
        Map<SeriesKey, Double> gauges = new TreeMap<>();
        n.path("gauges").fields().forEachRemaining(g -> gauges.put(SeriesKey.parse(g.getKey()), g.getValue().asDouble()));
        Map<SeriesKey, Histogram> timings = new TreeMap<>();
        (histograms == null ? Map.<String, Histogram>of() : histograms).forEach((tag, h) -> {
            if (tag.startsWith(ResultsFiles.TIMING)) {
                timings.put(SeriesKey.parse(TagCodec.decode(tag.substring(ResultsFiles.TIMING.length()))), h);
            }
        });
        JsonNode g = n.path("gen");
        GeneratorSample gen = new GeneratorSample(g.path("cpu").asDouble(), histogram(histograms, "", ResultsFiles.LAG),
                g.path("gc_ms").asLong(), g.path("heap").asLong(), g.path("cpu_time_ns").asLong());
        return new IntervalSnapshot(n.path("i").asLong(), n.path("start_ms").asLong(), n.path("end_ms").asLong(),
                n.path("elapsed_s").asDouble(), n.path("users").asInt(), n.path("dropped").asLong(), requests,
                new CustomInterval(counters, gauges, timings), gen);
    }

    /** The histogram of a series ({@code prefix} + label) or of the lag ("" + tag); null when none were read. */
    private static Histogram histogram(Map<String, Histogram> histograms, String prefix, String label) {
        if (histograms == null) {
            return null; // and no tag to encode: a long run has tens of thousands of series intervals
        }
        Histogram h = histograms.get(prefix.isEmpty() ? label : TagCodec.encode(prefix, label));
        return h != null ? h : Histograms.newHistogram();
    }
}
