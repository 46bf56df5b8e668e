package io.carga.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.threshold.AlertRule;
import io.carga.core.threshold.Expression;
import io.carga.core.threshold.Selector;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.Tiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * judge.json: what judges a run, written into its results folder before the run starts, so that a rebuild
 * ({@code carga report DIR}), also of a killed run, judges it as the run did: the thresholds (in their
 * canonical text, which the threshold parser reads back), the alert rules, the service tiers, and whether a
 * stop at the maximum duration is accepted. The report reads the tiers and their p95 SLAs from it too.
 *
 * @param suite      the JUnit suite name (the plan's stage)
 * @param acceptCut  whether a stop at the maximum duration before the planned end counts as a normal end
 */
public record JudgeFile(String suite, boolean acceptCut, Tiers tiers, List<ThresholdEntry> thresholds, List<AlertEntry> alerts) {
    public static final String FILE = "judge.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One threshold. {@code tier}, {@code percentile} and {@code limit} are set for a percentile threshold
     * scoped to exactly one tier (an SLA line); else null, NaN and its canonical limit.
     */
    public record ThresholdEntry(String group, String name, String expression, boolean abortOnFail, long abortDelayMs,
                                 String source, String tier, double percentile, String op, double limit) {
    }

    /** One alert rule: its condition in canonical text, as written, its timing and severity. */
    public record AlertEntry(String name, String condition, long forMs, long windowMs, String severity, String text) {
    }

    /** A tier's latency SLA: {@code p95 < 500 ms}, as the plan's threshold says it. */
    public record Sla(String tier, double percentile, double limitMs, String text) {
    }

    public JudgeFile {
        thresholds = List.copyOf(thresholds);
        alerts = List.copyOf(alerts);
    }

    public static JudgeFile of(String suite, boolean acceptCut, List<Threshold> thresholds, List<AlertRule> rules, Tiers tiers) {
        List<ThresholdEntry> ts = new ArrayList<>();
        for (Threshold t : thresholds) {
            Expression e = t.expression();
            String tier = e.scope().selectors().size() == 1 && e.scope().selectors().get(0) instanceof Selector.Tier s ? s.name() : null;
            ts.add(new ThresholdEntry(t.group(), t.name(), e.label(), t.abortOnFail(), t.abortDelay().toMillis(), e.source(), tier,
                    e.metric().isPercentile() ? e.metric().percentile() : Double.NaN, e.op().symbol(), e.limit()));
        }
        List<AlertEntry> as = rules.stream().map(r -> new AlertEntry(r.name(), r.condition().label(), r.forDuration().toMillis(),
                r.window().toMillis(), r.severity(), r.text())).toList();
        return new JudgeFile(suite, acceptCut, tiers, ts, as);
    }

    /** The latency SLA of each tier that has one (the first percentile threshold scoped to it with {@code <}). */
    public Map<String, Sla> slas() {
        Map<String, Sla> out = new LinkedHashMap<>();
        for (ThresholdEntry t : thresholds) {
            if (t.tier() != null && !Double.isNaN(t.percentile()) && t.op().startsWith("<")) {
                out.putIfAbsent(t.tier(), new Sla(t.tier(), t.percentile(), t.limit(), t.expression()));
            }
        }
        return out;
    }

    public void write(Path dir) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("suite", suite);
        n.put("accept_auto_shutdown", acceptCut);
        ObjectNode ti = n.putObject("tiers");
        tiers.tiers().forEach((name, t) -> {
            ObjectNode o = ti.putObject(name);
            t.names().forEach(o.putArray("names")::add);
            ObjectNode tags = o.putObject("tags");
            t.tags().forEach(tags::put);
        });
        ArrayNode th = n.putArray("thresholds");
        for (ThresholdEntry t : thresholds) {
            ObjectNode o = th.addObject().put("group", t.group()).put("name", t.name()).put("expression", t.expression())
                    .put("abort_on_fail", t.abortOnFail()).put("abort_delay_ms", t.abortDelayMs()).put("source", t.source())
                    .put("tier", t.tier()).put("op", t.op()).put("limit", t.limit());
            if (!Double.isNaN(t.percentile())) {
                o.put("percentile", t.percentile());
            }
        }
        ArrayNode al = n.putArray("alerts");
        for (AlertEntry a : alerts) {
            al.addObject().put("name", a.name()).put("condition", a.condition()).put("for_ms", a.forMs()).put("window_ms", a.windowMs())
                    .put("severity", a.severity()).put("text", a.text());
        }
        ResultsFiles.writeAtomically(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }

    /** The judge of the run in {@code dir}, or null when it ran without one (no plan). */
    public static JudgeFile read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        JsonNode n = JSON.readTree(f.toFile());
        Map<String, Tiers.Tier> tiers = new LinkedHashMap<>();
        n.path("tiers").properties().forEach(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().path("names").forEach(x -> names.add(x.asText()));
            Map<String, String> tags = new LinkedHashMap<>();
            e.getValue().path("tags").properties().forEach(x -> tags.put(x.getKey(), x.getValue().asText()));
            tiers.put(e.getKey(), new Tiers.Tier(names, tags));
        });
        List<ThresholdEntry> ts = new ArrayList<>();
        for (JsonNode t : n.path("thresholds")) {
            ts.add(new ThresholdEntry(t.path("group").asText(), t.path("name").asText(), t.path("expression").asText(),
                    t.path("abort_on_fail").asBoolean(), t.path("abort_delay_ms").asLong(), t.path("source").asText(null),
                    t.path("tier").isTextual() ? t.path("tier").asText() : null, t.path("percentile").asDouble(Double.NaN),
                    t.path("op").asText(), t.path("limit").asDouble()));
        }
        List<AlertEntry> as = new ArrayList<>();
        for (JsonNode a : n.path("alerts")) {
            as.add(new AlertEntry(a.path("name").asText(), a.path("condition").asText(), a.path("for_ms").asLong(),
                    a.path("window_ms").asLong(), a.path("severity").asText(), a.path("text").asText()));
        }
        return new JudgeFile(n.path("suite").asText(), n.path("accept_auto_shutdown").asBoolean(), new Tiers(tiers), ts, as);
    }
}
