package io.carga.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.event.Outcome;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.advice.Advisor;
import io.carga.report.advice.Kinds;
import io.carga.report.advice.Recommendation;
import io.carga.report.advice.TierSlas;
import io.carga.report.cost.CostProjection;
import io.carga.report.results.JudgeFile;
import io.carga.core.metrics.SeriesKey;
import io.carga.report.baseline.BaselineComparison;
import io.carga.report.capacity.CapacityAnalysis;
import io.carga.report.capacity.CapacitySearch;
import io.carga.report.csv.LocustCsv;
import io.carga.report.grade.Grade;
import io.carga.report.results.LiveFile;
import io.carga.report.results.Percentiles;
import io.carga.report.results.ResultsFiles;
import io.carga.report.results.ResultsLogReader;
import io.carga.report.summary.SummaryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Builds every end-of-run report of a results folder from its results log, in one read: report.html,
 * stats.csv and stats_history.csv. The table figures are summary.json's (the file when it exists, so
 * thresholds and alerts written by other outputs appear; else rebuilt). Used at the end of a run and by
 * {@code carga report}, so a killed run gets the same reports.
 *
 * <pre>{@code
 * ReportBuilder.Built b = new ReportBuilder().build(Path.of("results/run1"), null);
 * }</pre>
 */
public final class ReportBuilder {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What was written. */
    public record Built(Path html, long htmlBytes, Grade grade, List<Recommendation> recommendations, long millis) {
    }

    /** Rebuilds the reports of {@code dir}; {@code baseline} (may be null) adds the comparison section. */
    public Built build(Path dir, BaselineComparison baseline, String baselineDir) throws IOException {
        long t0 = System.nanoTime();
        SeriesTimeline timeline = SeriesTimeline.forIntervals(countLines(dir.resolve(ResultsFiles.TIMESERIES)));
        ResultsLogReader.Rebuilt run = new ResultsLogReader().read(dir, timeline::add);
        timeline.finish();
        RunAggregate a = run.aggregate();
        Path summaryFile = dir.resolve(ResultsFiles.SUMMARY);
        ObjectNode summary = Files.exists(summaryFile) ? (ObjectNode) JSON.readTree(summaryFile.toFile()) : SummaryJson.build(run.meta(), a, io.carga.report.summary.Judged.NONE, dir);
        JsonNode capacity = Files.exists(dir.resolve(CapacitySearch.FILE)) ? JSON.readTree(dir.resolve(CapacitySearch.FILE).toFile()) : null;

        TierSlas slas = TierSlas.of(JudgeFile.read(dir));
        ApiP95 api = apiP95(a, slas);
        Cost cost = Cost.of(a, summary.path("cost"));
        Grade grade = Grade.of(api.ms(), api.covers(), errorRate(a.total()), cost == null ? Double.NaN : cost.perUserHour(),
                cost == null ? "" : cost.currency());
        List<Recommendation> recs = Advisor.advise(a, timeline, slas);

        ObjectNode data = JSON.createObjectNode();
        ObjectNode meta = data.putObject("meta");
        meta.put("scenario", run.meta().scenario());
        meta.put("load", run.meta().load());
        meta.put("metrics_url", LiveFile.metricsUrl(dir));
        meta.put("points", timeline.buckets().size());
        meta.put("bucket_s", timeline.intervalsPerBucket() * run.meta().intervalMs() / 1000.0);
        data.set("summary", summary);
        data.set("grade", JSON.valueToTree(grade));
        data.put("verdict", verdict(grade, api, a, summary, recs, capacity));
        data.set("tiers", tiers(a, slas));
        timeline(data, timeline);
        distribution(data, a);
        data.set("recommendations", JSON.valueToTree(recs));
        data.set("capacity", capacity);
        data.set("baseline", baseline == null ? null : baseline.toJson(JSON, baselineDir));
        ai(data, a);
        ArrayNode db = data.putArray("db");
        a.requests().forEach((k, t) -> {
            if (slas.of(k, t.fieldSums()).kind() == Kinds.DATABASE) {
                db.add(k.label());
            }
        });
        data.set("cost", cost == null ? null : cost.json());
        data.set("shadow", shadow(dir));

        String title = "carga report · " + run.meta().scenario() + " · " + summary.path("run_id").asText();
        String html = HtmlReport.render(title, JSON.writeValueAsString(data));
        Path out = dir.resolve(HtmlReport.FILE);
        ResultsFiles.writeAtomically(out, html);
        LocustCsv.write(dir, a, timeline);
        return new Built(out, Files.size(out), grade, recs, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A shadow run's shadow.json (carga-shadow writes it; read here as a file format, with no dependency), or null. */
    private static JsonNode shadow(Path dir) throws IOException {
        Path f = dir.resolve("shadow.json");
        return Files.exists(f) ? JSON.readTree(f.toFile()) : null;
    }

    /** Counts newlines as bytes: decoding a long run's time series into lines, only to count them, took longer than reading it. */
    private static long countLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** The grade's response time and what it was measured over. */
    record ApiP95(double ms, String covers) {
    }

    /**
     * The spec's {@code api_response_time_p95} (section 10.1): the p95 of the requests in the API tier
     * ({@code api_endpoints}: the plan's tier when the run had a plan, else the spec's classification, a
     * {@code tier} tag first), over all their requests together. Without any API request, over all requests,
     * and it says so.
     */
    static ApiP95 apiP95(RunAggregate a, TierSlas slas) {
        Histogram api = Histograms.newHistogram();
        int names = 0;
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            if (slas.isApi(e.getKey(), e.getValue().fieldSums())) {
                api.add(e.getValue().latency());
                names++;
            }
        }
        String tier = Kinds.API.tier();
        if (api.getTotalCount() == 0) {
            Histogram all = a.total().latency();
            return new ApiP95(all.getTotalCount() == 0 ? 0 : Histograms.ms(all.getValueAtPercentile(95)),
                    "all requests (none is in the " + tier + " tier)");
        }
        String covers = String.format(Locale.ROOT, "the %s tier: %d of %d request names, %,d of %,d requests", tier, names,
                a.requests().size(), api.getTotalCount(), a.total().count());
        return new ApiP95(Histograms.ms(api.getValueAtPercentile(95)), covers);
    }

    static double errorRate(SeriesTotals t) {
        return t.count() == 0 ? 0 : (double) t.errors() / t.count();
    }

    /** Each request's tier and the SLA it is judged by, for the tables' colours and SLA column. */
    private static ObjectNode tiers(RunAggregate a, TierSlas slas) {
        ObjectNode n = JSON.createObjectNode();
        a.requests().forEach((k, t) -> {
            TierSlas.Tiered tier = slas.of(k, t.fieldSums());
            n.putObject(k.label()).put("tier", tier.tier()).put("percentile", tier.percentile()).put("limit_ms", tier.limitMs())
                    .put("source", tier.source()).put("measured_ms", round(t.latencyMs(tier.percentile())));
        });
        return n;
    }

    /**
     * What the run cost and what that projects to, in one currency. An AI run's figures are summary.json's
     * {@code cost} (AI plus priced infrastructure, R$); any other run's come from its events' {@code cost} field
     * (or the first {@code cost_<currency>} field). Both project with {@link CostProjection}.
     */
    record Cost(double total, String currency, double userHours, double perUserHour, double perRequest, ObjectNode json) {
        static Cost of(RunAggregate a, JsonNode aiCost) {
            if (aiCost.has("ai_brl")) { // an AI run's (cost also holds the testing and production parts of any run)
                double perUserHour = aiCost.path("user_hours").asDouble() > 0 ? aiCost.path("ai_per_user_hour_brl").asDouble() : Double.NaN;
                ObjectNode n = JSON.createObjectNode();
                n.put("currency", "R$");
                n.put("total", aiCost.path("total_brl").asDouble());
                n.put("ai", aiCost.path("ai_brl").asDouble());
                n.put("infrastructure", aiCost.path("infrastructure_brl").asDouble());
                n.put("user_hours", aiCost.path("user_hours").asDouble());
                n.put("per_user_hour", perUserHour);
                n.put("per_request", aiCost.path("per_request_brl").asDouble());
                n.put("per_successful", aiCost.path("per_successful_interaction_brl").asDouble());
                n.set("projection", aiCost.path("projection_monthly_brl"));
                return new Cost(n.path("total").asDouble(), "R$", n.path("user_hours").asDouble(), perUserHour,
                        n.path("per_request").asDouble(), n);
            }
            Map<String, Double> f = a.total().fieldSums();
            String key = f.containsKey("cost") ? "cost" : f.keySet().stream().filter(k -> k.startsWith("cost_")).findFirst().orElse(null);
            if (key == null) {
                return null;
            }
            double total = f.get(key);
            String currency = symbol(key.length() > 5 ? key.substring(5) : "");
            double userHours = CostProjection.userHours(a);
            double perUserHour = CostProjection.perUserHour(total, a);
            long ok = a.total().count() - a.total().errors();
            ObjectNode n = JSON.createObjectNode();
            n.put("currency", currency);
            n.put("total", total);
            n.put("user_hours", userHours);
            n.put("per_user_hour", perUserHour);
            n.put("per_request", a.total().count() == 0 ? 0 : total / a.total().count());
            n.put("per_successful", ok == 0 ? 0 : total / ok);
            n.set("projection", CostProjection.monthly(perUserHour, 0, 1, a.usersPeak(), currency));
            return new Cost(total, currency, userHours, perUserHour, n.path("per_request").asDouble(), n);
        }

        /** R$ for BRL, US$ for USD, € for EUR, else the code; "" when the field names none. */
        static String symbol(String code) {
            return switch (code.toUpperCase(Locale.ROOT)) {
                case "BRL" -> "R$";
                case "USD" -> "US$";
                case "EUR" -> "€";
                default -> code.toUpperCase(Locale.ROOT);
            };
        }
    }

    static String verdict(Grade g, ApiP95 api, RunAggregate a, JsonNode summary, List<Recommendation> recs, JsonNode capacity) {
        SeriesTotals t = a.total();
        StringBuilder sb = new StringBuilder();
        String mood = switch (g.letter()) {
            case "A" -> "Healthy";
            case "B" -> "Good, with room to improve";
            case "C" -> "Acceptable, but needs work";
            case "D" -> "Poor";
            default -> "Failing";
        };
        sb.append(String.format(Locale.ROOT, "%s: p95 %.0f ms over %s; %.2f%% errors over all %,d requests; up to %d users", mood,
                api.ms(), api.covers(), errorRate(t) * 100, t.count(), a.usersPeak()));
        if (capacity != null) {
            sb.append(String.format(Locale.ROOT, "; stable up to %d users", capacity.path("max_stable_users").asInt()));
        }
        long failed = 0;
        for (JsonNode th : summary.path("thresholds")) {
            if (!th.path("verdict").asText().matches("(?i)pass|ok|passed")) {
                failed++;
            }
        }
        if (failed > 0) {
            sb.append("; ").append(failed).append(failed == 1 ? " threshold failed" : " thresholds failed");
        }
        if (a.saturated()) {
            sb.append("; the generator was saturated, so the figures are suspect");
        }
        sb.append(recs.isEmpty() ? "; nothing to recommend." : "; " + recs.size() + (recs.size() == 1 ? " recommendation." : " recommendations."));
        return sb.toString();
    }

    private static void timeline(ObjectNode data, SeriesTimeline timeline) {
        ObjectNode t = data.putObject("timeline");
        ArrayNode ts = t.putArray("t");
        ArrayNode users = t.putArray("users");
        ArrayNode rps = t.putArray("rps");
        ArrayNode eps = t.putArray("eps");
        ArrayNode p50 = t.putArray("p50");
        ArrayNode p95 = t.putArray("p95");
        ArrayNode p99 = t.putArray("p99");
        Set<Outcome> kinds = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        for (SeriesTimeline.Bucket b : timeline.buckets()) {
            b.cells().forEach((n, c) -> {
                names.add(n);
                for (Outcome o : Outcome.values()) {
                    if (o.isError() && c.outcomes()[o.ordinal()] > 0) {
                        kinds.add(o);
                    }
                }
            });
        }
        names.remove(SeriesTimeline.ALL);
        ObjectNode kindsNode = t.putObject("kinds");
        for (Outcome o : kinds) {
            kindsNode.putArray(o.key());
        }
        ObjectNode series = data.putObject("series");
        for (String n : names) {
            ObjectNode s = series.putObject(n);
            s.putArray("p50");
            s.putArray("p95");
            s.putArray("p99");
        }
        for (SeriesTimeline.Bucket b : timeline.buckets()) {
            ts.add(round(b.endSeconds()));
            users.add(b.users());
            SeriesTimeline.Cell all = b.cells().get(SeriesTimeline.ALL);
            rps.add(all == null ? 0 : round(all.count() / b.seconds()));
            eps.add(all == null ? 0 : round(all.errors() / b.seconds()));
            addPct(p50, all, 50);
            addPct(p95, all, 95);
            addPct(p99, all, 99);
            for (Outcome o : kinds) {
                ((ArrayNode) kindsNode.get(o.key())).add(all == null ? 0 : round(all.outcomes()[o.ordinal()] / b.seconds()));
            }
            for (String n : names) {
                SeriesTimeline.Cell c = b.cells().get(n);
                ObjectNode s = (ObjectNode) series.get(n);
                addPct((ArrayNode) s.get("p50"), c, 50);
                addPct((ArrayNode) s.get("p95"), c, 95);
                addPct((ArrayNode) s.get("p99"), c, 99);
            }
        }
    }

    private static void addPct(ArrayNode arr, SeriesTimeline.Cell c, double p) {
        if (c == null) {
            arr.addNull();
        } else {
            arr.add(round(c.pct(p)));
        }
    }

    /**
     * The percentile distribution of the whole run, overall and per name, sampled at fixed percentiles
     * so every series shares one x axis: x = 1 / (1 − p), which a log axis spreads as 90 %, 99 %, 99.9 %…
     */
    private static void distribution(ObjectNode data, RunAggregate a) {
        double[] ps = distributionPercentiles();
        ObjectNode d = data.putObject("distribution");
        distSeries(d, "All requests", a.total().latency(), ps);
        a.requests().forEach((k, t) -> distSeries(d, k.label(), t.latency(), ps));
    }

    static double[] distributionPercentiles() {
        List<Double> ps = new ArrayList<>();
        for (double p : new double[] {0, 10, 20, 30, 40, 50, 55, 60, 65, 70, 75, 80, 85, 87.5, 90, 92.5, 95, 96, 97, 97.5, 98, 98.5, 99,
                99.25, 99.5, 99.6, 99.7, 99.75, 99.8, 99.85, 99.9, 99.925, 99.95, 99.96, 99.97, 99.975, 99.98, 99.99, 99.995, 99.999}) {
            ps.add(p);
        }
        return ps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void distSeries(ObjectNode d, String name, Histogram h, double[] ps) {
        if (h.getTotalCount() == 0) {
            return;
        }
        ObjectNode s = d.putObject(name);
        ArrayNode x = s.putArray("x");
        ArrayNode ms = s.putArray("ms");
        long[] v = Percentiles.of(h, ps);
        for (int i = 0; i < ps.length; i++) {
            x.add(round(1 / (1 - ps[i] / 100)));
            ms.add(Math.max(0.001, round(Histograms.ms(v[i]))));
        }
    }

    private static void ai(ObjectNode data, RunAggregate a) {
        ObjectNode ai = JSON.createObjectNode();
        Set<String> fields = new TreeSet<>();
        ArrayNode rows = ai.putArray("rows");
        a.requests().forEach((k, t) -> {
            // Only AI requests: plain HTTP requests carry fields too (ttfb_ms, connect_ms).
            if (!t.fieldSums().containsKey("ai_requests") && Kinds.of(k.label(), t.fieldSums()) != Kinds.AI) {
                return;
            }
            fields.addAll(t.fieldSums().keySet());
            ObjectNode r = rows.addObject();
            r.put("name", k.label());
            r.put("count", t.count());
            r.put("p95", round(t.latencyMs(95)));
            ObjectNode per = r.putObject("per_request");
            t.fieldSums().forEach((f, v) -> per.put(f, t.count() == 0 ? 0 : round4(v / t.count())));
        });
        ArrayNode fs = ai.putArray("fields");
        fields.forEach(fs::add);
        ArrayNode timings = ai.putArray("timings");
        a.timings().forEach((k, h) -> {
            ObjectNode o = timings.addObject();
            o.put("name", k.label());
            boolean empty = h.getTotalCount() == 0;
            o.put("p50", empty ? 0 : round(Histograms.ms(h.getValueAtPercentile(50))));
            o.put("p95", empty ? 0 : round(Histograms.ms(h.getValueAtPercentile(95))));
            o.put("p99", empty ? 0 : round(Histograms.ms(h.getValueAtPercentile(99))));
            o.put("max", empty ? 0 : round(Histograms.ms(h.getMaxValue())));
        });
        data.set("ai", rows.isEmpty() && timings.isEmpty() ? null : ai);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double round4(double v) {
        return Math.abs(v) >= 1 ? Math.round(v * 1000) / 1000.0 : Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }
}
