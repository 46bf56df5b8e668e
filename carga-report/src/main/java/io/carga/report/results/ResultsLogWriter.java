package io.carga.report.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.event.Outcome;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the results folder as the run goes: the hlog and the time series, both flushed every interval,
 * so a run killed with SIGKILL keeps everything up to its last complete interval. The time-series line of
 * an interval is written after its histograms, so a complete line means complete data.
 */
public final class ResultsLogWriter implements Output {
    private static final Outcome[] OUTCOMES = Outcome.values();
    private final Path dir;
    private RunMeta meta;
    private PrintStream hlogStream;
    private HistogramLogWriter hlog;
    private BufferedWriter series;

    public ResultsLogWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void start(RunInfo info) throws IOException {
        ResultsFiles.prepare(dir);
        meta = RunMeta.of(info);
        meta.write(dir);
        hlogStream = new PrintStream(new FileOutputStream(dir.resolve(ResultsFiles.HLOG).toFile()), false, StandardCharsets.UTF_8);
        hlog = new HistogramLogWriter(hlogStream);
        hlog.outputComment("carga results log: L:=latency from intended start, S:=service time, T:=scenario timing, G:lag=scheduling lag; values in microseconds");
        hlog.outputLogFormatVersion();
        hlog.outputStartTime(info.startEpochMs());
        hlog.setBaseTime(info.startEpochMs());
        hlog.outputLegend();
        series = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(dir.resolve(ResultsFiles.TIMESERIES).toFile()),
                StandardCharsets.UTF_8));
    }

    @Override
    public void interval(IntervalSnapshot s) throws IOException {
        for (SeriesInterval si : s.requests()) {
            String label = si.key().label();
            histogram(s, ResultsFiles.LATENCY, label, si.latency());
            histogram(s, ResultsFiles.SERVICE, label, si.service());
        }
        s.custom().timings().forEach((k, h) -> histogram(s, ResultsFiles.TIMING, k.label(), h));
        histogram(s, "", ResultsFiles.LAG, s.generator().lag());
        hlogStream.flush();
        series.write(RunMeta.JSON.writeValueAsString(line(s)));
        series.newLine();
        series.flush();
    }

    private void histogram(IntervalSnapshot s, String prefix, String label, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        // A copy (the snapshot is shared with other outputs: never change its histograms), sized to this
        // interval's largest value: the hlog header carries the range, and a reader decoding a 1 µs–1 h
        // histogram allocates and scans 23,552 counts per line, which made a 1-hour report take minutes.
        Histogram copy = new Histogram(1, Math.max(2, h.getMaxValue()), Histograms.SIGNIFICANT_DIGITS);
        copy.add(h);
        copy.setStartTimeStamp(s.startEpochMs());
        copy.setEndTimeStamp(s.endEpochMs());
        copy.setTag(prefix.isEmpty() ? label : TagCodec.encode(prefix, label));
        hlog.outputIntervalHistogram(copy);
    }

    static ObjectNode line(IntervalSnapshot s) {
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

    @Override
    public void finish(RunResult result) throws IOException {
        if (meta == null) {
            return;
        }
        hlogStream.close();
        series.close();
        meta = meta.ended(result);
        meta.write(dir);
    }

    public Path dir() {
        return dir;
    }
}
