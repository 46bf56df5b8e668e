package io.carga.cli.plan;

import io.carga.core.threshold.AlertRule;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.Tiers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded, checked plan file: everything {@code carga run --plan} and {@code carga pipeline} need.
 * Secrets (values read from the environment) are listed in {@link #secrets} so any text about the
 * plan can be {@link #redact}ed.
 *
 * @param stages     the pipeline's test stages in order, then the test schedule's runs
 * @param thresholds the SLA of every run: response times, thresholds, resource efficiency
 * @param floors     the throughput floors, judged in stages that ask for them
 * @param alertExprs PromQL written in the plan for an alert (by rule name), exported instead of the generated one
 * @param triggers   the pipeline's triggers, in the plan's order ({@code daily: 3:00 AM UTC-3}…)
 * @param where      where each part of the plan was written, for warnings that point at a line:column
 * @param costs      the testing budget, cost limits, prices and the production projection's assumptions
 * @param shadow     what {@code carga shadow --plan} judges ({@code shadow:}), or {@link ShadowLimits#NONE}
 */
public record Plan(Path file, String name, String target, Map<String, String> properties,
                   Map<String, ScenarioRef> scenarios, Stage load, Tiers tiers, List<Threshold> thresholds,
                   List<Threshold> floors, List<AlertRule> alerts, Map<String, String> alertExprs, Map<String, Stage> stages, List<Trigger> triggers,
                   boolean continueOnFailure, Controls controls, Adaptive adaptive, Prometheus prometheus,
                   Map<String, Integer> scalingTargets, Set<String> secrets, Set<String> pipelineStages,
                   Locations where, CostPlan costs, ShadowLimits shadow) {

    /** A user kind: a class on the classpath or a .java file (relative to the plan), with its weight. */
    public record ScenarioRef(String name, String source, int weight) {
    }

    /**
     * A named run profile: the spec's smoke 5 min / 10 users, and so on.
     *
     * @param triggers the pipeline triggers this stage runs on; empty: every trigger
     * @param loads each scenario's own load when the stage gives them ({@code scenarios: {name: {rate: 10/s}}}):
     *              they then run side by side; empty when the stage's users share one closed load
     */
    /**
     * @param db a {@code carga db} stage's command line ({@code -c 50 -j 4 -T 300 --builtin=tpcb-like}), empty for a stage of
     *           scenarios; its users and duration are then the command line's {@code -c} and {@code -T}
     */
    public record Stage(String name, Duration duration, int users, Double spawnRate, List<String> scenarios,
                        List<Threshold> thresholds, boolean throughput, io.carga.report.capacity.CapacityPlan capacity,
                        List<String> triggers, Map<String, io.carga.core.load.LoadSpec> loads, List<String> db) {
        public Stage {
            triggers = List.copyOf(triggers);
            loads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(loads));
            db = List.copyOf(db);
        }

        public Stage(String name, Duration duration, int users, Double spawnRate, List<String> scenarios,
                     List<Threshold> thresholds, boolean throughput, io.carga.report.capacity.CapacityPlan capacity,
                     List<String> triggers, Map<String, io.carga.core.load.LoadSpec> loads) {
            this(name, duration, users, spawnRate, scenarios, thresholds, throughput, capacity, triggers, loads, List.of());
        }

        /** Whether this stage is a {@code carga db} run. */
        public boolean isDb() {
            return !db.isEmpty();
        }

        public Stage(String name, Duration duration, int users, Double spawnRate, List<String> scenarios,
                     List<Threshold> thresholds, boolean throughput, io.carga.report.capacity.CapacityPlan capacity) {
            this(name, duration, users, spawnRate, scenarios, thresholds, throughput, capacity, List.of(), Map.of());
        }

        public Stage(String name, Duration duration, int users, Double spawnRate, List<String> scenarios,
                     List<Threshold> thresholds, boolean throughput) {
            this(name, duration, users, spawnRate, scenarios, thresholds, throughput, null);
        }

        /** Whether the pipeline runs this stage when {@code trigger} fires. */
        public boolean runsOn(String trigger) {
            return triggers.isEmpty() || triggers.contains(trigger);
        }

        /** Whether the stage's scenarios have loads of their own. */
        public boolean mixed() {
            return !loads.isEmpty();
        }

        /** A stage of {@code type: capacity}: users raised in steps until the SLA breaks. */
        public boolean isCapacity() {
            return capacity != null;
        }
    }

    /**
     * Cost controls.
     *
     * @param maxDuration  every run's hard stop, or null for the default
     * @param window       when runs are allowed, or null for always
     * @param aiRatePerSecond the AI rate limit, or null
     * @param acceptCut    whether a run the auto-shutdown stops before its planned end still passes
     *                     ({@code accept_auto_shutdown: true}); by default it exits {@code CUT_SHORT}
     */
    public record Controls(Duration maxDuration, TimeWindow window, Double aiRatePerSecond, Integer maxInstances, boolean acceptCut) {
        static final Controls NONE = new Controls(null, null, null, null, false);
    }

    /** A daily window such as the spec's off-peak 02:00–06:00 UTC-3 (it may wrap past midnight). */
    public record TimeWindow(LocalTime from, LocalTime to, ZoneOffset zone) {
        public boolean contains(Instant t) {
            LocalTime now = t.atOffset(zone).toLocalTime();
            return from.isBefore(to) ? !now.isBefore(from) && now.isBefore(to) : !now.isBefore(from) || now.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "–" + to + " UTC" + (zone.getTotalSeconds() == 0 ? "" : zone.getId());
        }
    }

    /** The spec's adaptive rule limits: error rate as a fraction, p95 in ms. */
    public record Adaptive(double errorRate, double p95Ms) {
        public static final Adaptive SPEC = new Adaptive(0.1, 800);
    }

    /** The tier {@code query_time} judges, and whose requests production measures in a metric of their own. */
    public static final String QUERY_TIER = "database_queries";

    /**
     * How alert rules map to production metric names when exported for Prometheus. The defaults are what
     * the reference target exposes (platform-sim's /metrics): the spec's three durations and
     * {@code cost_per_ai_request} in R$, with HTTP statuses in a {@code status} label.
     *
     * @param tierMatchers PromQL label matchers standing for a tier (without a tier here, {@code tier="<name>"})
     */
    public record Prometheus(String group, String latencyMetric, String errorMatcher, String costMetric,
                             String queryMetric, Map<String, String> tierMatchers) {
        public static final Prometheus DEFAULTS = new Prometheus("carga", "http_request_duration_seconds",
                "status=~\"5..\"", "cost_per_ai_request", "database_query_duration_seconds", Map.of());
    }

    /** The stage called {@code name}, also matching without its {@code _test} suffix ({@code smoke}). */
    public Stage stage(String name) {
        Stage s = stages.get(name);
        return s != null ? s : stages.get(name + "_test");
    }

    /** Names of the stages that came from {@code pipeline.test_stages} (the rest are the test schedule's). */
    public Set<String> stagesFromPipeline() {
        return pipelineStages;
    }

    /** The pipeline's test stages that {@code trigger} runs (all of them when null), in the plan's order. */
    public List<Stage> pipeline(String trigger) {
        return stages.values().stream().filter(s -> pipelineStages.contains(s.name()))
                .filter(s -> trigger == null || s.runsOn(trigger)).toList();
    }

    /** The trigger called {@code name}, or null. */
    public Trigger trigger(String name) {
        return triggers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** {@code text} with every secret value masked. */
    public String redact(String text) {
        String out = text;
        for (String s : secrets) {
            if (!s.isEmpty()) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }
}
