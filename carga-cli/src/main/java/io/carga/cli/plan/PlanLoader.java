package io.carga.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.carga.core.threshold.AlertRule;
import io.carga.core.threshold.Expression;
import io.carga.core.threshold.Metric;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Quantities;
import io.carga.core.threshold.Scope;
import io.carga.core.threshold.Selector;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.ThresholdSyntaxException;
import io.carga.core.threshold.Tiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan file: YAML with positions, the JSON Schema check, {@code ${env:NAME}} secrets, then the
 * plan's own rules (threshold grammar, durations, stage scenarios). Every problem found is reported at
 * once, each with its line and column, in a {@link PlanException}.
 *
 * <pre>{@code
 * Plan plan = new PlanLoader(System::getenv, MetricRegistry.builtIn()).load(Path.of("carga.yaml"));
 * }</pre>
 */
public final class PlanLoader {
    private static final Pattern ENV = Pattern.compile("\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern FOR = Pattern.compile("^(.*?)\\s+for\\s+(.+)$");

    private final Function<String, String> env;
    private final MetricRegistry registry;
    private final ThresholdParser parser;

    /** @param env reads environment variables ({@code System::getenv}; a map in tests) */
    public PlanLoader(Function<String, String> env, MetricRegistry registry) {
        this.env = env;
        this.registry = registry;
        this.parser = new ThresholdParser(registry);
    }

    /** The environment variables a plan's values read with {@code ${env:NAME}} (not its comments), in order. */
    static Set<String> envNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        collectEnvNames(YamlTree.parse(text, "plan").root, names);
        return names;
    }

    private static void collectEnvNames(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            ENV.matcher(node.asText()).results().forEach(m -> names.add(m.group(1)));
        }
        node.forEach(child -> collectEnvNames(child, names));
    }

    public Plan load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PlanException(List.of(new PlanException.Problem(file.toString(), 0, 0, "cannot read the plan: " + e.getMessage())));
        }
        return load(text, file);
    }

    public Plan load(String text, Path file) {
        String name = file.getFileName().toString();
        YamlTree tree = YamlTree.parse(text, name);
        List<PlanException.Problem> problems = new ArrayList<>(new SchemaCheck().check(tree, name));
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        Build b = new Build(tree, name, file);
        b.interpolate(tree.root, "");
        Plan plan = b.plan();
        if (!b.problems.isEmpty()) {
            throw new PlanException(b.problems);
        }
        return plan;
    }

    /** One load's state: the tree, the problems found so far, the secrets read. */
    private final class Build {
        final YamlTree tree;
        final String fileName;
        final Path file;
        final List<PlanException.Problem> problems = new ArrayList<>();
        final Set<String> secrets = new LinkedHashSet<>();
        final Locations where;
        List<Trigger> triggers = List.of();

        Build(YamlTree tree, String fileName, Path file) {
            this.tree = tree;
            this.fileName = fileName;
            this.file = file;
            this.where = new Locations(tree, fileName);
        }

        void problem(String pointer, int extraColumns, String message) {
            YamlTree.Pos pos = tree.valueAt(pointer);
            problems.add(new PlanException.Problem(fileName, pos.line(), pos.column() + extraColumns, message));
        }

        /** Replaces {@code ${env:NAME}} in every string, remembering the values as secrets. */
        void interpolate(JsonNode node, String pointer) {
            if (node instanceof ObjectNode o) {
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String at = YamlTree.child(pointer, e.getKey());
                    if (e.getValue().isTextual()) {
                        e.setValue(new TextNode(expand(e.getValue().asText(), at)));
                    } else {
                        interpolate(e.getValue(), at);
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (item.isTextual()) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, new TextNode(expand(item.asText(), YamlTree.child(pointer, i))));
                    } else {
                        interpolate(item, YamlTree.child(pointer, i));
                    }
                }
            }
        }

        private String expand(String text, String pointer) {
            Matcher m = ENV.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = env.apply(m.group(1));
                if (value == null) {
                    problem(pointer, 0, "environment variable " + m.group(1) + " is not set");
                    value = "";
                }
                secrets.add(value);
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        Plan plan() {
            JsonNode r = tree.root;
            String target = r.path("target").asText(null);
            if (target != null && secrets.stream().anyMatch(s -> !s.isEmpty() && target.contains(s))) {
                problem("/target", 0, "target may not hold a secret: it is written to run.json; pass credentials in properties");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            r.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
            Map<String, Plan.ScenarioRef> scenarios = new LinkedHashMap<>();
            r.path("scenarios").fields().forEachRemaining(e -> {
                JsonNode s = e.getValue();
                String source = s.has("class") ? s.get("class").asText()
                        : file.toAbsolutePath().getParent().resolve(s.get("file").asText()).normalize().toString();
                scenarios.put(e.getKey(), new Plan.ScenarioRef(e.getKey(), source, s.path("weight").asInt(1)));
            });
            Map<String, Tiers.Tier> tiers = new LinkedHashMap<>();
            r.path("tiers").fields().forEachRemaining(e -> {
                List<String> names = new ArrayList<>();
                e.getValue().path("names").forEach(n -> names.add(n.asText()));
                Map<String, String> tags = new LinkedHashMap<>();
                e.getValue().path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
                tiers.put(e.getKey(), new Tiers.Tier(names, tags));
            });
            List<Threshold> thresholds = new ArrayList<>();
            r.path("response_times").fields().forEachRemaining(e -> {
                String at = YamlTree.child("/response_times", e.getKey());
                Expression x = expression(at, e.getValue().asText(), null);
                if (x != null) {
                    thresholds.add(where.note(new Threshold("response_times", e.getKey(),
                            x.scope().isAll() ? x.withScope(Scope.of(new Selector.Tier(e.getKey()))) : x, false, null), at));
                }
            });
            thresholds.addAll(thresholdList(r.path("thresholds"), "/thresholds", "thresholds"));
            r.path("resource_efficiency").fields().forEachRemaining(e -> {
                String at = YamlTree.child("/resource_efficiency", e.getKey());
                // the spec's ratios read "< 30% of revenue": the metric is already a share of revenue
                Expression x = expression(at, e.getValue().asText().replaceFirst("(?i)\\s*of revenue\\s*$", ""), Metric.named(e.getKey()));
                if (x != null) {
                    thresholds.add(where.note(new Threshold("resource_efficiency", e.getKey(), x, false, null), at));
                }
            });
            List<Threshold> floors = floors(r.path("throughput"));
            Map<String, Integer> scaling = new LinkedHashMap<>();
            r.path("scaling_targets").fields().forEachRemaining(e -> {
                Integer users = quietly("/scaling_targets/" + e.getKey(), () -> HumanText.users(e.getValue().asText()));
                if (users != null) {
                    scaling.put(e.getKey(), users);
                }
            });
            Plan.Controls controls = controls(r.path("cost_controls"));
            CostPlan costs = CostPlan.read(r, file.toAbsolutePath().getParent(),
                    controls.window() == null ? java.time.ZoneOffset.UTC : controls.window().zone(), scaling, (at, m) -> problem(at, 0, m));
            if (controls.maxInstances() != null && costs.inputs().instances() > controls.maxInstances()) {
                problem("/test_instances/count", 0, "test_instances.count " + costs.inputs().instances() + " is more than cost_controls.resource_limits allows ("
                        + controls.maxInstances() + ")");
            }
            List<AlertRule> alerts = new ArrayList<>();
            Map<String, String> exprs = new LinkedHashMap<>();
            JsonNode rules = r.path("alerting_rules");
            for (int i = 0; i < rules.size(); i++) {
                AlertRule rule = alert(rules.get(i), "/alerting_rules/" + i);
                if (rule != null) {
                    alerts.add(rule);
                    if (rules.get(i).has("expr")) {
                        exprs.put(rule.name(), rules.get(i).get("expr").asText());
                    }
                }
            }
            Map<String, Plan.Stage> stages = new LinkedHashMap<>();
            Set<String> fromPipeline = new LinkedHashSet<>();
            JsonNode pipeline = r.path("pipeline");
            triggers = triggers(pipeline.path("triggers"));
            pipeline.path("test_stages").fields().forEachRemaining(e -> {
                Plan.Stage s = stage(e.getKey(), e.getValue(), "/pipeline/test_stages/" + YamlTree.child("", e.getKey()).substring(1), scenarios);
                if (s != null) {
                    stages.put(e.getKey(), s);
                    fromPipeline.add(e.getKey());
                }
            });
            r.path("test_schedule").fields().forEachRemaining(e -> {
                HumanText.Run run = quietly("/test_schedule/" + e.getKey(), () -> HumanText.run(e.getValue().asText()));
                if (run != null) {
                    stages.putIfAbsent(e.getKey(), new Plan.Stage(e.getKey(), run.duration(), run.users(), null, List.of(), List.of(), false));
                }
            });
            Plan.Stage load = r.has("load") ? stage("load", r.get("load"), "/load", scenarios) : null;
            Plan.Adaptive adaptive = adaptive(r.path("adaptive"));
            Plan.Prometheus prom = prometheus(r.path("prometheus"));
            return new Plan(file, r.path("name").asText(file.getFileName().toString()), target, properties, scenarios, load,
                    new Tiers(tiers), thresholds, floors, alerts, exprs, stages, triggers,
                    pipeline.path("continue_on_failure").asBoolean(false), controls, adaptive, prom, scaling, Set.copyOf(secrets), Set.copyOf(fromPipeline), where,
                    costs,
                    ShadowLimits.read(r.path("shadow"), (at, m) -> problem(at, 0, m)));
        }

        /** The pipeline's triggers, each read from its prose; two with one name would make --trigger ambiguous. */
        List<Trigger> triggers(JsonNode list) {
            List<Trigger> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "/pipeline/triggers/" + i;
                String text = list.get(i).asText();
                Trigger t = quietly(at, () -> HumanText.trigger(text));
                if (t != null && out.stream().anyMatch(o -> o.name().equals(t.name()))) {
                    problem(at, 0, "a second trigger named '" + t.name() + "'");
                } else if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }

        Expression expression(String pointer, String text, Metric defaultMetric) {
            try {
                return parser.parse(text, defaultMetric);
            } catch (ThresholdSyntaxException e) {
                problem(pointer, e.column() - 1, e.getMessage());
            } catch (IllegalArgumentException e) {
                problem(pointer, 0, e.getMessage());
            }
            return null;
        }

        List<Threshold> thresholdList(JsonNode list, String pointer, String group) {
            List<Threshold> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String at = pointer + "/" + i;
                String text = item.isTextual() ? item.asText() : item.path("threshold").asText();
                String textAt = item.isTextual() ? at : at + "/threshold";
                Expression x = expression(textAt, text, null);
                if (x == null) {
                    continue;
                }
                Threshold t = Threshold.of(group, x);
                if (item.path("abort_on_fail").asBoolean(false)) {
                    Duration delay = item.has("delay") ? duration(at + "/delay", item.get("delay").asText()) : Duration.ZERO;
                    t = t.abortingAfter(delay == null ? Duration.ZERO : delay);
                }
                out.add(where.note(t, textAt));
            }
            return out;
        }

        List<Threshold> floors(JsonNode throughput) {
            List<Threshold> out = new ArrayList<>();
            throughput.fields().forEachRemaining(e -> {
                String key = e.getKey();
                String value = e.getValue().asText();
                String at = "/throughput/" + key;
                String text;
                if (key.equals("concurrent_users")) {
                    Integer n = quietly(at, () -> HumanText.users(value));
                    text = n == null ? null : "users >= " + n;
                } else {
                    String tier = key.replaceAll("_per_(second|minute|hour)$", "");
                    double factor = key.endsWith("_per_minute") ? 1 / 60.0 : key.endsWith("_per_hour") ? 1 / 3600.0 : 1;
                    Double rate = quietly(at, () -> value.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(value) * factor : HumanText.ratePerSecond(value));
                    text = rate == null ? null : (key.equals("requests_per_second") ? "rps" : "rps{tier=" + tier + "}") + " >= " + rate;
                }
                if (text != null) {
                    Expression x = expression(at, text, null);
                    if (x != null) {
                        out.add(where.note(new Threshold("throughput", key, x, false, null), at));
                    }
                }
            });
            return out;
        }

        Plan.Controls controls(JsonNode c) {
            if (c.isMissingNode()) {
                return Plan.Controls.NONE;
            }
            Duration max = c.has("auto_shutdown") ? quietly("/cost_controls/auto_shutdown", () -> HumanText.duration(c.get("auto_shutdown").asText())) : null;
            Plan.TimeWindow window = c.has("scheduled_testing") ? quietly("/cost_controls/scheduled_testing", () -> HumanText.window(c.get("scheduled_testing").asText())) : null;
            Double ai = c.has("ai_rate_limits") ? quietly("/cost_controls/ai_rate_limits", () -> HumanText.ratePerSecond(c.get("ai_rate_limits").asText())) : null;
            Integer instances = c.has("resource_limits") ? quietly("/cost_controls/resource_limits", () -> (int) HumanText.firstNumber(c.get("resource_limits").asText())) : null;
            return new Plan.Controls(max, window, ai, instances, c.path("accept_auto_shutdown").asBoolean(false));
        }

        AlertRule alert(JsonNode n, String at) {
            String name = n.get("name").asText();
            String condition = n.get("condition").asText();
            Matcher m = FOR.matcher(condition);
            String expr = m.matches() ? m.group(1) : condition;
            Duration forDuration = m.matches() ? duration(at + "/condition", m.group(2)) : Duration.ZERO;
            Expression x = expression(at + "/condition", expr, null);
            if (x == null || forDuration == null) {
                return null;
            }
            Duration window = AlertRule.DEFAULT_WINDOW;
            String metric = x.metric().name();
            if (!x.metric().isPercentile() && (metric.startsWith("hourly_") || metric.startsWith("daily_"))) {
                window = metric.startsWith("hourly_") ? Duration.ofHours(1) : Duration.ofDays(1);
                x = x.withMetric(Metric.named(metric.substring(metric.indexOf('_') + 1)));
            }
            if (x.metric().name().equals("query_time") && x.scope().isAll()) {
                x = x.withScope(Scope.of(new Selector.Tier(Plan.QUERY_TIER)));
            }
            if (n.has("window")) {
                Duration w = duration(at + "/window", n.get("window").asText());
                if (w == null) {
                    return null;
                }
                window = w;
            }
            return new AlertRule(name, x, forDuration, window, n.path("severity").asText("warning"), condition);
        }

        Plan.Stage stage(String name, JsonNode n, String at, Map<String, Plan.ScenarioRef> scenarios) {
            if (n.has("db")) {
                return dbStage(name, n, at);
            }
            Duration d = n.has("duration") ? duration(at + "/duration", n.get("duration").asText()) : io.carga.core.config.Defaults.DURATION;
            StageScenarios listed = StageScenarios.read(n.path("scenarios"), at + "/scenarios", (p, m) -> problem(p, 0, m));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < listed.names().size(); i++) {
                String s = listed.names().get(i);
                if (!scenarios.containsKey(s)) {
                    unknown(listed.pointers().get(i), "scenario", s, scenarios.keySet(), "the plan defines no scenarios", "defined: ");
                }
                names.add(s);
            }
            List<Threshold> own = thresholdList(n.path("thresholds"), at + "/thresholds", "stage:" + name);
            Double spawn = n.has("spawn_rate") ? n.get("spawn_rate").asDouble() : null;
            io.carga.report.capacity.CapacityPlan capacity = null;
            if ("capacity".equals(n.path("type").asText("load"))) {
                capacity = capacity(at + "/capacity", n.path("capacity"));
                if (capacity == null) {
                    return null;
                }
            }
            return d == null ? null : new Plan.Stage(name, d, n.path("users").asInt(1), spawn, names, own,
                    n.path("throughput").asBoolean(false), capacity, stageTriggers(at + "/triggers", n.path("triggers")),
                    listed.loads());
        }

        /** A {@code db:} stage: carga db's command line, checked now; its users and duration are its -c and -T. */
        Plan.Stage dbStage(String name, JsonNode n, String at) {
            List<String> args = io.carga.cli.db.DbStage.arguments(n.get("db").asText(), file.toAbsolutePath().getParent());
            io.carga.cli.db.DbStage.Shape shape;
            try {
                shape = io.carga.cli.db.DbStage.check(args);
            } catch (IllegalArgumentException e) {
                problem(at + "/db", 0, "db: " + e.getMessage());
                return null;
            }
            List<Threshold> own = thresholdList(n.path("thresholds"), at + "/thresholds", "stage:" + name);
            Duration d = shape.seconds() > 0 ? Duration.ofSeconds(shape.seconds()) : io.carga.core.config.Defaults.DURATION;
            return new Plan.Stage(name, d, shape.clients(), null, List.of(), own, n.path("throughput").asBoolean(false), null,
                    stageTriggers(at + "/triggers", n.path("triggers")), Map.of(), args);
        }

        /** A stage's {@code triggers:}, each one of the pipeline's (a typo would silently never run the stage). */
        List<String> stageTriggers(String at, JsonNode list) {
            List<String> names = new ArrayList<>();
            List<String> known = triggers.stream().map(Trigger::name).toList();
            for (int i = 0; i < list.size(); i++) {
                String t = list.get(i).asText();
                if (!known.contains(t)) {
                    unknown(at + "/" + i, "trigger", t, known, "pipeline.triggers defines none", "pipeline.triggers: ");
                }
                names.add(t);
            }
            return names;
        }

        /** "unknown scenario 'x'", with a "did you mean", else the names there are ({@code listed} + names). */
        void unknown(String pointer, String what, String word, java.util.Collection<String> known, String none, String listed) {
            String hint = Suggest.closest(word, known);
            problem(pointer, 0, "unknown " + what + " '" + word + "'" + (hint != null ? " (did you mean '" + hint + "'?)"
                    : known.isEmpty() ? " (" + none + ")" : " (" + listed + String.join(", ", known) + ")"));
        }

        Plan.Adaptive adaptive(JsonNode a) {
            double err = Plan.Adaptive.SPEC.errorRate();
            double p95 = Plan.Adaptive.SPEC.p95Ms();
            if (a.has("error_rate")) {
                Expression x = expression("/adaptive/error_rate", "error_rate > " + a.get("error_rate").asText(), null);
                err = x == null ? err : x.limit();
            }
            if (a.has("response_time_p95")) {
                Expression x = expression("/adaptive/response_time_p95", "p95 > " + a.get("response_time_p95").asText(), null);
                p95 = x == null ? p95 : x.limit();
            }
            return new Plan.Adaptive(err, p95);
        }

        Plan.Prometheus prometheus(JsonNode p) {
            Plan.Prometheus d = Plan.Prometheus.DEFAULTS;
            Map<String, String> tiers = new LinkedHashMap<>();
            p.path("tier_matchers").fields().forEachRemaining(e -> tiers.put(e.getKey(), e.getValue().asText()));
            return new Plan.Prometheus(p.path("group").asText(d.group()), p.path("latency_metric").asText(d.latencyMetric()),
                    p.path("error_matcher").asText(d.errorMatcher()), p.path("cost_metric").asText(d.costMetric()),
                    p.path("query_metric").asText(d.queryMetric()), tiers);
        }

        Duration duration(String pointer, String text) {
            try {
                return text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Quantities.duration(text);
            } catch (IllegalArgumentException e) {
                problem(pointer, 0, e.getMessage());
                return null;
            }
        }

        /**
         * A capacity stage's search: {@code capacity: {steps: "10:10:500", hold: 30s, ramp: 5s}}, users
         * raised from START by STEP up to MAX, each step ramped then held and judged.
         */
        io.carga.report.capacity.CapacityPlan capacity(String at, JsonNode c) {
            String steps = c.path("steps").asText("10:10:1000");
            String[] p = steps.split(":");
            Duration hold = c.has("hold") ? duration(at + "/hold", c.get("hold").asText()) : Duration.ofSeconds(30);
            Duration ramp = c.has("ramp") ? duration(at + "/ramp", c.get("ramp").asText()) : Duration.ofSeconds(5);
            if (hold == null || ramp == null) {
                return null;
            }
            return quietly(c.has("steps") ? at + "/steps" : at, () -> {
                if (p.length != 3) {
                    throw new IllegalArgumentException("capacity steps must look like START:STEP:MAX, e.g. 10:10:500");
                }
                try {
                    return new io.carga.report.capacity.CapacityPlan(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                            Integer.parseInt(p[2].trim()), ramp, hold);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("capacity steps must be whole numbers START:STEP:MAX, got " + steps);
                }
            });
        }

        <T> T quietly(String pointer, java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                problem(pointer, 0, e.getMessage());
                return null;
            }
        }
    }
}
