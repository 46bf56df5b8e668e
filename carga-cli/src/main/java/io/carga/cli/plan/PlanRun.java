package io.carga.cli.plan;

import io.carga.cli.UsageException;
import io.carga.core.compile.CompileException;
import io.carga.core.compile.ScenarioLoader;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.LoadModel;
import io.carga.core.load.LoadSpec;
import io.carga.core.load.MixedModel;
import io.carga.core.threshold.Threshold;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a plan and one of its stages into a {@link RunConfig} and the thresholds that judge it. */
public final class PlanRun {
    private PlanRun() {
    }

    /** The stage {@code name}, the plan's {@code load}, or an error naming the stages there are. */
    public static Plan.Stage stage(Plan plan, String name) {
        if (name == null) {
            if (plan.load() != null) {
                return plan.load();
            }
            if (!plan.stages().isEmpty()) {
                return plan.stages().values().iterator().next();
            }
            return new Plan.Stage("load", io.carga.core.config.Defaults.DURATION, 1, null, List.of(), List.of(), false);
        }
        Plan.Stage s = plan.stage(name);
        if (s == null) {
            String hint = Suggest.closest(name, plan.stages().keySet());
            throw new UsageException("no stage '" + name + "' in " + plan.file().getFileName()
                    + (hint != null ? " (did you mean '" + hint + "'?)" : "; stages: " + String.join(", ", plan.stages().keySet())));
        }
        return s;
    }

    /** Refuses to start outside the plan's allowed window unless forced. */
    public static void checkWindow(Plan plan, Instant now, boolean force, PrintStream out) {
        Plan.TimeWindow w = plan.controls().window();
        if (w == null || w.contains(now)) {
            return;
        }
        if (!force) {
            throw new UsageException("the plan allows runs only " + w + " (cost_controls.scheduled_testing); it is "
                    + now.atOffset(w.zone()).toLocalTime().withNano(0) + " there now. Use --force to run anyway");
        }
        out.println("carga: outside the allowed window " + w + "; running anyway (--force)");
    }

    /** The users of {@code stage}: its scenarios (all the plan's when it names none), weights applied. */
    public static Scenario scenario(Plan plan, Plan.Stage stage) throws IOException {
        List<String> names = stage.scenarios().isEmpty() ? List.copyOf(plan.scenarios().keySet()) : stage.scenarios();
        if (names.isEmpty()) {
            throw new UsageException(plan.file().getFileName() + " defines no scenarios");
        }
        List<UserSpec> users = new ArrayList<>();
        for (String n : names) {
            users.addAll(users(plan, n));
        }
        return new Scenario(name(plan, stage), users);
    }

    private static String name(Plan plan, Plan.Stage stage) {
        return plan.name() + (stage.name().equals("load") ? "" : ":" + stage.name());
    }

    /** The stage lasting {@code d} instead. */
    public static Plan.Stage withDuration(Plan.Stage s, Duration d) {
        return new Plan.Stage(s.name(), d, s.users(), s.spawnRate(), s.scenarios(), s.thresholds(), s.throughput(), s.capacity(), s.triggers(), s.loads(), s.db());
    }

    /** The user kinds of the plan's scenario {@code name}, its weight applied. */
    private static List<UserSpec> users(Plan plan, String name) throws IOException {
        Plan.ScenarioRef ref = plan.scenarios().get(name);
        ScenarioLoader.Loaded loaded;
        try {
            loaded = new ScenarioLoader().load(ref.source());
        } catch (CompileException e) {
            e.messages().forEach(System.err::println);
            throw new UsageException("scenario " + name + " (" + ref.source() + ") does not compile");
        } catch (IllegalArgumentException e) {
            throw new UsageException("scenario " + name + ": " + e.getMessage());
        }
        List<UserSpec> users = new ArrayList<>();
        for (UserSpec u : loaded.scenario().users()) {
            users.add(new UserSpec(u.name(), u.weight() * ref.weight(), u.factory()));
        }
        return users;
    }

    /**
     * A stage whose scenarios give their own loads: one part each, side by side; a load that does not say
     * how long lasts the stage's duration. Times are multiplied by {@code scaleTime}.
     */
    public static MixedModel mixed(Plan plan, Plan.Stage stage, double scaleTime) throws IOException {
        List<MixedModel.Part> parts = new ArrayList<>();
        for (Map.Entry<String, LoadSpec> e : stage.loads().entrySet()) {
            LoadSpec spec = scaleTime == 1.0 ? e.getValue() : e.getValue().timeScaled(scaleTime);
            parts.add(new MixedModel.Part(e.getKey(), new Scenario(e.getKey(), users(plan, e.getKey())),
                    spec.model(scaled(stage.duration(), scaleTime)), spec.startAfter()));
        }
        return new MixedModel(parts);
    }

    /** The stage as a closed model, its duration multiplied by {@code scaleTime} (at least one second). */
    public static LoadModel model(Plan.Stage stage, double scaleTime) {
        if (stage.isCapacity()) {
            var c = stage.capacity();
            return new io.carga.report.capacity.CapacityPlan(c.start(), c.step(), c.max(), scaled(c.ramp(), scaleTime),
                    scaled(c.hold(), scaleTime)).model();
        }
        Duration d = scaled(stage.duration(), scaleTime);
        return ClosedModel.of(stage.users(), stage.spawnRate() == null ? 0 : stage.spawnRate(), d);
    }

    public static Duration scaled(Duration d, double scaleTime) {
        long ms = Math.round(d.toMillis() * scaleTime);
        return Duration.ofMillis(Math.max(1000, ms));
    }

    /** The plan's properties, plus the AI rate limit of its cost controls. */
    public static Map<String, String> properties(Plan plan) {
        Map<String, String> p = new LinkedHashMap<>(plan.properties());
        if (plan.controls().aiRatePerSecond() != null) {
            p.putIfAbsent("ai.rate-limit", plan.controls().aiRatePerSecond() + "/s"); // the key carga-ai reads
        }
        return p;
    }

    /** The outputs a stage adds to its run: a capacity stage's search, which judges each step. */
    public static java.util.List<io.carga.core.output.Output> outputs(Plan.Stage stage, double scaleTime, java.nio.file.Path dir) {
        if (!stage.isCapacity()) {
            return java.util.List.of();
        }
        var c = stage.capacity();
        var plan = new io.carga.report.capacity.CapacityPlan(c.start(), c.step(), c.max(), scaled(c.ramp(), scaleTime),
                scaled(c.hold(), scaleTime));
        return java.util.List.of(new io.carga.report.capacity.CapacitySearch(plan, io.carga.report.capacity.CapacityCriteria.SPEC, dir));
    }

    /** The plan's base config for a stage; command-line options are applied on top by the caller. */
    public static RunConfig config(Plan plan, Plan.Stage stage, double scaleTime) throws IOException {
        RunConfig c;
        if (stage.mixed() && !stage.isCapacity()) {
            MixedModel m = mixed(plan, stage, scaleTime); // the scenarios' users, compiled once
            c = RunConfig.of(new Scenario(name(plan, stage), m.parts().stream().flatMap(x -> x.scenario().users().stream()).toList()), m);
        } else {
            c = RunConfig.of(scenario(plan, stage), model(stage, scaleTime));
        }
        c = c.withTarget(plan.target())
                .withProperties(properties(plan));
        if (plan.controls().maxDuration() != null) {
            c = c.withMaxDuration(plan.controls().maxDuration());
        }
        return c;
    }

    /** Every threshold that judges {@code stage}: the plan's SLA, its own, and the floors when it asks. */
    public static List<Threshold> thresholds(Plan plan, Plan.Stage stage) {
        List<Threshold> all = new ArrayList<>(plan.thresholds());
        all.addAll(stage.thresholds());
        if (stage.throughput()) {
            all.addAll(plan.floors());
        }
        return all;
    }
}
