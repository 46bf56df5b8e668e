package io.carga.report.results;

import io.carga.core.load.LoadChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.load.LoadModel;
import io.carga.core.load.MixedModel;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's facts (run.json): what ran, with which seed, and how it ended. The end fields are absent
 * when the process died before the end; the report then says the run ended abruptly.
 *
 * @param intervalPercentiles the percentiles of each series' latency figures in timeseries.jsonl (empty in
 *                            folders written before the time series kept them)
 * @param plannedMs           how long the load plan lasts, or -1 when it ends by itself (iterations, shape)
 * @param maxDurationMs       the hard stop (the plan's auto-shutdown), or -1 when unknown
 * @param scenarios           a run of several scenarios ({@link MixedModel}): each one's load, by name, in order;
 *                            empty otherwise
 * @param loadChanges         changes made to the load while it ran (the web UI, the API), oldest first
 * @param driver              how a load that drives its own clients ran ({@code carga db}'s threading, say), so that a
 *                            figure says which path made it; empty for carga's virtual users
 * @param generator           the JVM that generated the load: its version, garbage collector and processors, which
 *                            every figure of the run depends on
 */
public record RunMeta(String runId, long startEpochMs, String scenario, String load, long seed, String target,
                      long intervalMs, String stopReason, String stopCause, long interrupted, List<Double> intervalPercentiles,
                      long plannedMs, long maxDurationMs, Map<String, String> scenarios,
                      List<LoadChange> loadChanges, Map<String, String> driver, Map<String, String> generator) {

    public RunMeta {
        scenarios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
        loadChanges = List.copyOf(loadChanges);
        driver = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(driver));
        generator = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(generator));
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Double> FIGURE_PERCENTILES = Arrays.stream(Percentiles.LOCUST).boxed().toList();

    public static RunMeta of(RunInfo info) {
        return new RunMeta(info.runId(), info.startEpochMs(), info.config().scenario().name(),
                info.config().load().describe(), info.config().seed(), info.config().target(),
                info.config().interval().toMillis(), null, null, 0, FIGURE_PERCENTILES,
                info.config().load().plannedDuration() == null ? -1 : info.config().load().plannedDuration().toMillis(),
                info.config().maxDuration().toMillis(), scenarios(info.config().load()), List.of(), info.driver(), thisJvm());
    }

    /** This JVM as run.json's {@code generator}: the collectors' names, joined, say which garbage collector ran. */
    static Map<String, String> thisJvm() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("java", Runtime.version().toString());
        g.put("gc", String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
        g.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        return g;
    }

    private static Map<String, String> scenarios(LoadModel load) {
        Map<String, String> out = new LinkedHashMap<>();
        if (load instanceof MixedModel m && m.tagged()) {
            m.parts().forEach(p -> out.put(p.name(), p.load().describe()));
        }
        return out;
    }

    public RunMeta ended(RunResult r) {
        return new RunMeta(runId, startEpochMs, scenario, load, seed, target, intervalMs, r.reason().name(),
                r.cause(), r.interrupted(), intervalPercentiles, plannedMs, maxDurationMs, scenarios, loadChanges, driver, generator);
    }

    /** The same facts with one more change of the load. */
    public RunMeta withChange(LoadChange c) {
        List<LoadChange> all = new ArrayList<>(loadChanges);
        all.add(c);
        return new RunMeta(runId, startEpochMs, scenario, load, seed, target, intervalMs, stopReason, stopCause, interrupted,
                intervalPercentiles, plannedMs, maxDurationMs, scenarios, all, driver, generator);
    }

    public boolean finished() {
        return stopReason != null;
    }

    /** Whether the maximum duration stopped the run before its load plan's end. */
    public boolean cutShort() {
        return "MAX_DURATION".equals(stopReason);
    }

    /** Whether timeseries.jsonl holds {@link LatencyFigures} this version reads. */
    public boolean keepsIntervalFigures() {
        return intervalPercentiles.equals(FIGURE_PERCENTILES);
    }

    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("run_id", runId);
        n.put("started_at_ms", startEpochMs);
        n.put("scenario", scenario);
        n.put("load", load);
        n.put("seed", seed);
        n.put("target", target);
        n.put("interval_ms", intervalMs);
        n.put("planned_ms", plannedMs);
        n.put("max_duration_ms", maxDurationMs);
        if (stopReason != null) {
            n.put("stop_reason", stopReason);
            n.put("stop_cause", stopCause);
            n.put("interrupted", interrupted);
        }
        ArrayNode p = n.putArray("interval_percentiles");
        intervalPercentiles.forEach(p::add);
        if (!scenarios.isEmpty()) {
            ObjectNode sc = n.putObject("scenarios");
            scenarios.forEach(sc::put);
        }
        if (!loadChanges.isEmpty()) {
            n.set("load_changes", loadChangesJson(loadChanges));
        }
        if (!driver.isEmpty()) {
            ObjectNode d = n.putObject("driver");
            driver.forEach(d::put);
        }
        if (!generator.isEmpty()) {
            ObjectNode g = n.putObject("generator");
            generator.forEach(g::put);
        }
        return n;
    }

    /** {@code [{"at_ms", "elapsed_s", "quantity", "from", "to", "by"}]}: run.json's and summary.json's form. */
    public static ArrayNode loadChangesJson(List<LoadChange> changes) {
        ArrayNode a = JSON.createArrayNode();
        for (LoadChange c : changes) {
            ObjectNode o = a.addObject();
            o.put("at_ms", c.epochMs());
            o.put("elapsed_s", Math.round(c.elapsedSeconds() * 1000) / 1000.0);
            o.put("quantity", c.quantity());
            o.put("from", c.from());
            o.put("to", c.to());
            o.put("by", c.by());
        }
        return a;
    }

    void write(Path dir) throws IOException {
        ResultsFiles.writeAtomically(dir.resolve(ResultsFiles.RUN), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
    }

    public static RunMeta read(Path dir) throws IOException {
        Path f = dir.resolve(ResultsFiles.RUN);
        if (!Files.exists(f)) {
            return new RunMeta(dir.getFileName().toString(), 0, "?", "?", 0, null, 1000, null, null, 0, List.of(), -1, -1, Map.of(),
                    List.of(), Map.of(), Map.of());
        }
        JsonNode n = JSON.readTree(f.toFile());
        List<Double> percentiles = new ArrayList<>();
        n.path("interval_percentiles").forEach(p -> percentiles.add(p.asDouble()));
        Map<String, String> scenarios = new LinkedHashMap<>();
        n.path("scenarios").fields().forEachRemaining(e -> scenarios.put(e.getKey(), e.getValue().asText()));
        Map<String, String> driver = new LinkedHashMap<>();
        n.path("driver").fields().forEachRemaining(e -> driver.put(e.getKey(), e.getValue().asText()));
        Map<String, String> generator = new LinkedHashMap<>();
        n.path("generator").fields().forEachRemaining(e -> generator.put(e.getKey(), e.getValue().asText()));
        List<LoadChange> changes = new ArrayList<>();
        n.path("load_changes").forEach(c -> changes.add(new LoadChange(c.path("at_ms").asLong(), c.path("elapsed_s").asDouble(),
                c.path("quantity").asText(), c.path("from").asDouble(), c.path("to").asDouble(), c.path("by").asText())));
        return new RunMeta(n.path("run_id").asText(), n.path("started_at_ms").asLong(), n.path("scenario").asText(),
                n.path("load").asText(), n.path("seed").asLong(), n.path("target").isNull() ? null : n.path("target").asText(null),
                n.path("interval_ms").asLong(1000), n.path("stop_reason").asText(null),
                n.path("stop_cause").isNull() ? null : n.path("stop_cause").asText(null), n.path("interrupted").asLong(),
                List.copyOf(percentiles), n.path("planned_ms").asLong(-1), n.path("max_duration_ms").asLong(-1), scenarios, changes, driver, generator);
    }
}
