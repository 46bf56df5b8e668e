package io.carga.report.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.event.Outcome;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesTotals;
import io.carga.core.threshold.AlertEvent;
import io.carga.core.threshold.Expression;
import io.carga.core.threshold.Verdict;
import io.carga.report.results.ResultsFiles;
import io.carga.report.results.RunMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * summary.json: the machine-readable end result of a run. Field names are stable; {@code schema_version}
 * changes when they do. Times are milliseconds unless the name says otherwise.
 */
public final class SummaryJson {
    /**
     * 2: adds {@code thresholds} (verdict, measured value, limit) and {@code alerts}. 3: {@code stop} gains
     * {@code cut_short}, {@code cut_short_accepted}, {@code planned_s} and {@code max_duration_s}; a budget stop
     * has reason {@code BUDGET}. 4: {@code cost.testing} and {@code cost.production}, the two kinds of cost apart
     * (built from the results folder), {@code scalability}, {@code load_changes} (the web UI's and the API's
     * changes of the load) and the stop reason {@code STOPPED}.
     */
    public static final int SCHEMA_VERSION = 4;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static ObjectNode build(RunMeta meta, RunAggregate a) {
        return build(meta, a, Judged.NONE);
    }

    /**
     * The summary with what judged the run, and the two kinds of cost ({@link io.carga.report.cost.CostSection}) read
     * from its results folder {@code dir}.
     */
    public static ObjectNode build(RunMeta meta, RunAggregate a, Judged judged, Path dir) throws IOException {
        ObjectNode root = build(meta, a, judged);
        io.carga.report.cost.CostSection.addTo(root, meta, a, dir);
        root.set("scalability", io.carga.report.capacity.ScalabilityAssessment.of(a, dir, io.carga.report.cost.CostInputs.read(dir)));
        return root;
    }

    /** The summary with what judged the run: threshold verdicts and alert state changes. */
    public static ObjectNode build(RunMeta meta, RunAggregate a, Judged judged) {
        List<Verdict> verdicts = judged.verdicts();
        List<AlertEvent> alerts = judged.alerts();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("run_id", meta.runId());
        root.put("started_at_ms", a.startEpochMs() > 0 ? a.startEpochMs() : meta.startEpochMs());
        root.put("scenario", meta.scenario());
        root.put("load", meta.load());
        root.put("seed", meta.seed());
        root.put("duration_s", round(a.durationSeconds()));
        root.put("users_peak", a.usersPeak());
        ObjectNode stop = root.putObject("stop");
        stop.put("reason", meta.finished() ? meta.stopReason() : "ABRUPT");
        stop.put("cause", meta.finished() ? meta.stopCause() : "the process ended before the run finished; figures up to the last complete interval");
        stop.put("cut_short", meta.cutShort());
        if (meta.cutShort()) {
            stop.put("cut_short_accepted", judged.cutAccepted());
        }
        if (meta.plannedMs() >= 0) {
            stop.put("planned_s", round(meta.plannedMs() / 1000.0));
        }
        if (meta.maxDurationMs() >= 0) {
            stop.put("max_duration_s", round(meta.maxDurationMs() / 1000.0));
        }
        root.put("interrupted", meta.interrupted());
        root.set("load_changes", RunMeta.loadChangesJson(meta.loadChanges()));
        ObjectNode requests = root.putObject("requests");
        a.requests().forEach((k, t) -> requests.set(k.label(), series(a, t)));
        root.set("total", series(a, a.total()));
        root.set("failures", failures(a));
        root.put("dropped_iterations", a.dropped());
        root.set("errors_by_kind", errorsByKind(a.total()));
        ScenarioFigures.addTo(root, meta, a);
        ObjectNode gen = root.putObject("generator");
        gen.put("cpu_peak", round(a.cpuPeak()));
        gen.put("lag_p99_ms", round(a.lagP99Ms()));
        gen.put("gc_pause_ms", a.gcPauseMs());
        gen.put("heap_peak_mb", round(a.heapPeak() / 1048576.0));
        long count = a.total().count();
        gen.put("cpu_us_per_request", count == 0 ? 0 : round(a.cpuTimeNanos() / 1000.0 / count));
        gen.put("saturated", a.saturated());
        if (!a.counters().isEmpty() || !a.gauges().isEmpty() || !a.timings().isEmpty()) {
            ObjectNode custom = root.putObject("custom");
            ObjectNode c = custom.putObject("counters");
            a.counters().forEach((k, v) -> c.put(k.label(), v));
            ObjectNode g = custom.putObject("gauges");
            a.gauges().forEach((k, v) -> g.put(k.label(), v));
            ObjectNode t = custom.putObject("timings");
            a.timings().forEach((k, h) -> t.set(k.label(), percentiles(h)));
        }
        io.carga.report.ai.AiSection.addTo(root, a, meta.stopCause());
        ArrayNode th = root.putArray("thresholds");
        for (Verdict v : verdicts) {
            Expression e = v.threshold().expression();
            ObjectNode n = th.addObject();
            n.put("group", v.threshold().group());
            n.put("name", v.threshold().name());
            n.put("expression", e.label());
            n.put("verdict", v.status().name().toLowerCase(java.util.Locale.ROOT));
            n.put("metric", e.metric().label());
            n.put("scope", e.scope().label());
            n.put("op", e.op().symbol());
            n.put("limit", e.limit());
            n.put("unit", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (Double.isNaN(v.measured())) {
                n.putNull("measured");
            } else {
                n.put("measured", round(v.measured()));
            }
            n.put("measured_label", Double.isNaN(v.measured()) ? null : v.measuredLabel());
            n.put("limit_label", e.op().symbol() + " " + e.limitLabel());
            n.put("message", v.message());
            n.put("abort_on_fail", v.threshold().abortOnFail());
        }
        ArrayNode al = root.putArray("alerts");
        for (AlertEvent e : alerts) {
            ObjectNode n = al.addObject();
            n.put("name", e.rule().name());
            n.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
            n.put("at_ms", e.atEpochMs());
            n.put("severity", e.rule().severity());
            n.put("condition", e.rule().text());
            n.put("message", e.message());
        }
        return root;
    }

    private static ObjectNode series(RunAggregate a, SeriesTotals t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("count", t.count());
        n.put("errors", t.errors());
        n.put("error_rate", t.count() == 0 ? 0 : round((double) t.errors() / t.count()));
        n.put("rps", round(a.rps(t)));
        n.set("latency_ms", percentiles(t.latency()));
        n.set("service_ms", percentiles(t.service()));
        n.set("errors_by_kind", errorsByKind(t));
        n.put("bytes_received", t.bytesIn());
        n.put("bytes_sent", t.bytesOut());
        if (!t.fieldSums().isEmpty()) {
            ObjectNode f = n.putObject("fields");
            t.fieldSums().forEach(f::put);
        }
        return n;
    }

    /** Locust's failures table: one entry per request name and reason, most frequent first. */
    private static com.fasterxml.jackson.databind.node.ArrayNode failures(RunAggregate a) {
        var list = JSON.createArrayNode();
        a.requests().entrySet().stream()
                .flatMap(e -> e.getValue().failures().entrySet().stream().map(f -> java.util.Map.entry(e.getKey().label(), f)))
                .sorted((x, y) -> Long.compare(y.getValue().getValue(), x.getValue().getValue()))
                .forEach(x -> list.addObject().put("name", x.getKey()).put("error", x.getValue().getKey())
                        .put("occurrences", x.getValue().getValue()));
        return list;
    }

    /** mean, p50, p90, p95, p99, p999 and max of a microsecond histogram, in milliseconds. */
    public static ObjectNode percentiles(Histogram h) {
        ObjectNode n = JSON.createObjectNode();
        boolean empty = h.getTotalCount() == 0;
        n.put("mean", empty ? 0 : round(Histograms.ms(h.getMean())));
        n.put("p50", pct(h, 50));
        n.put("p90", pct(h, 90));
        n.put("p95", pct(h, 95));
        n.put("p99", pct(h, 99));
        n.put("p999", pct(h, 99.9));
        n.put("max", empty ? 0 : round(Histograms.ms(h.getMaxValue())));
        return n;
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? 0 : round(Histograms.ms(h.getValueAtPercentile(p)));
    }

    private static ObjectNode errorsByKind(SeriesTotals t) {
        ObjectNode n = JSON.createObjectNode();
        for (Outcome o : Outcome.values()) {
            if (o.isError() && t.count(o) > 0) {
                n.put(o.key(), t.count(o));
            }
        }
        return n;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    public static void write(Path dir, ObjectNode summary) throws IOException {
        ResultsFiles.writeAtomically(dir.resolve(ResultsFiles.SUMMARY), JSON.writeValueAsString(summary));
    }

    public static String toText(ObjectNode summary) throws IOException {
        return JSON.writeValueAsString(summary);
    }
}
