package io.carga.report.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.event.Outcome;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the results folder as the run goes: the hlog and the time series, both flushed every interval,
 * so a run killed with SIGKILL keeps everything up to its last complete interval. The time-series line of
 * an interval is written after its histograms, so a complete line means complete data. The line also
 * carries the interval's latency figures, and when the run ends its whole-run histograms go to
 * {@value ResultsFiles#TOTALS}: with both, a report reads neither histogram of an interval.
 */
public final class ResultsLogWriter implements Output {
    private static final Outcome[] OUTCOMES = Outcome.values();
    private final Path dir;
    private RunMeta meta;
    private HlogOut hlog;
    private BufferedWriter series;
    private long intervals;
    private long requests;

    public ResultsLogWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void start(RunInfo info) throws IOException {
        ResultsFiles.prepare(dir);
        // totals left by an earlier run in this folder would pass for this run's if it crashed
        Files.deleteIfExists(dir.resolve(ResultsFiles.TOTALS));
        meta = RunMeta.of(info);
        meta.write(dir);
        hlog = new HlogOut(dir.resolve(ResultsFiles.HLOG), info.startEpochMs());
        series = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(dir.resolve(ResultsFiles.TIMESERIES).toFile()),
                StandardCharsets.UTF_8));
    }

    @Override
    public void interval(IntervalSnapshot s) throws IOException {
        long start = s.startEpochMs();
        long end = s.endEpochMs();
        for (SeriesInterval si : s.requests()) {
            String label = si.key().label();
            hlog.append(TagCodec.encode(ResultsFiles.LATENCY, label), si.latency(), start, end);
            hlog.append(TagCodec.encode(ResultsFiles.SERVICE, label), si.service(), start, end);
            requests += si.count();
        }
        s.custom().timings().forEach((k, h) -> hlog.append(TagCodec.encode(ResultsFiles.TIMING, k.label()), h, start, end));
        hlog.append(ResultsFiles.LAG, s.generator().lag(), start, end);
        hlog.flush();
        series.write(RunMeta.JSON.writeValueAsString(line(s, IntervalFigures.of(s))));
        series.newLine();
        series.flush();
        intervals++;
    }

    static ObjectNode line(IntervalSnapshot s, IntervalFigures figures) {
        ObjectNode n = RunMeta.JSON.createObjectNode();
        n.put("i", s.index());
        n.put("start_ms", s.startEpochMs());
        n.put("end_ms", s.endEpochMs());
        n.put("elapsed_s", s.elapsedSeconds());
        n.put("users", s.users());
        n.put("dropped", s.dropped());
        ObjectNode gen = n.putObject("gen");
        gen.put("cpu", s.generator().cpu());
        gen.put("gc_ms", s.generator().gcPauseMs());
        gen.put("heap", s.generator().heapUsed());
        gen.put("cpu_time_ns", s.generator().cpuTimeNanos());
        gen.put("lag_p99_us", figures.lagP99());
        if (figures.all() != null) {
            n.set("latency", figures.all().toJson());
        }
        ObjectNode reqs = n.putObject("series");
        for (SeriesInterval si : s.requests()) {
            ObjectNode r = reqs.putObject(si.key().label());
            ObjectNode o = r.putObject("o");
            for (Outcome oc : OUTCOMES) {
                long c = si.count(oc);
                if (c != 0) {
                    o.put(oc.key(), c);
                }
            }
            r.put("bi", si.bytesIn());
            r.put("bo", si.bytesOut());
            LatencyFigures l = figures.series().get(si.key().label());
            if (l != null) {
                r.set("l", l.toJson());
            }
            if (!si.fieldSums().isEmpty()) {
                ObjectNode f = r.putObject("f");
                si.fieldSums().forEach(f::put);
            }
            if (!si.failures().isEmpty()) {
                ObjectNode e = r.putObject("e");
                si.failures().forEach(e::put);
            }
        }
        if (!s.custom().counters().isEmpty()) {
            ObjectNode c = n.putObject("counters");
            s.custom().counters().forEach((k, v) -> c.put(k.label(), v));
        }
        if (!s.custom().gauges().isEmpty()) {
            ObjectNode g = n.putObject("gauges");
            s.custom().gauges().forEach((k, v) -> g.put(k.label(), v));
        }
        return n;
    }

    /** run.json is rewritten at once: a change is kept even if the process dies in the next second. */
    @Override
    public void loadChanged(io.carga.core.load.LoadChange change) throws IOException {
        if (meta != null) {
            meta = meta.withChange(change);
            meta.write(dir);
        }
    }

    @Override
    public void finish(RunResult result) throws IOException {
        if (meta == null) {
            return;
        }
        series.close();
        RunAggregate a = result.aggregate();
        // The totals come from the engine's aggregate: only when it folded exactly what this log holds may a
        // report trust them instead of the interval histograms.
        if (a != null && a.timeline().size() == intervals && a.total().count() == requests) {
            TotalsLog.write(dir, a, meta.startEpochMs());
        }
        meta = meta.ended(result);
        meta.write(dir);
        hlog.close(); // last: a write error it reports leaves the rest of the folder complete
    }

    public Path dir() {
        return dir;
    }
}
