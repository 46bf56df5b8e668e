package io.carga.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.cli.ExitCode;
import io.carga.cli.ListenOptions;
import io.carga.cli.RunLauncher;
import io.carga.cli.UsageException;
import io.carga.core.config.RunConfig;
import io.carga.http.HttpRunPlan;
import io.carga.observe.LivePlane;
import io.carga.report.junit.JUnitXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carga pipeline}: runs a plan's stages in order, each in its own results folder, stopping at
 * the first failed stage unless the plan says {@code continue_on_failure}. After each stage the
 * adaptive rule gives the next step. Writes {@code junit.xml} (one suite per stage) and
 * {@code pipeline.json} in the pipeline's folder; exits with the first failed stage's code.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a plan's stages in order (smoke, load, stress, endurance), judging each.",
                "  carga pipeline --plan carga.yaml --stages smoke_test,load_test",
                "  carga pipeline --plan carga.yaml --trigger pre_deploy   # the stages that trigger runs",
                "  carga pipeline --plan carga.yaml --scale-time 0.01   # a quick rehearsal"})
public final class PipelineCommand implements Callable<Integer> {
    @Option(names = "--plan", paramLabel = "FILE", required = true, description = "The plan file.")
    Path plan;

    @Option(names = "--stages", paramLabel = "A,B", split = ",", description = "Stages to run, in this order (default: the pipeline's test_stages).")
    List<String> stages;

    @Option(names = "--trigger", paramLabel = "NAME", description = "Run the stages this pipeline trigger runs (a name from pipeline.triggers: daily, pre_deploy, manual...).")
    String trigger;

    @Option(names = "--scale-time", paramLabel = "FACTOR", description = "Multiply every stage's duration (0.01: 5 min becomes 3 s). Default 1.")
    double scaleTime = 1.0;

    @Option(names = "--force", description = "Run even outside the plan's allowed time window, or when its testing budget cannot pay for a stage.")
    boolean force;

    @Option(names = "--target", paramLabel = "URL", description = "Base URL, overriding the plan's.")
    String target;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Pipeline folder (default results/pipeline-<timestamp>); each stage gets a subfolder.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No live progress line.")
    boolean quiet;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Override
    public Integer call() throws Exception {
        if (!(scaleTime > 0)) {
            throw new UsageException("--scale-time must be positive, was " + scaleTime);
        }
        Plan p = PlanFiles.load(plan);
        List<Plan.Stage> todo = new ArrayList<>();
        if (stages != null && !stages.isEmpty()) {
            if (trigger != null) {
                throw new UsageException("give --trigger or --stages, not both");
            }
            stages.forEach(s -> todo.add(PlanRun.stage(p, s.trim())));
        } else {
            todo.addAll(p.pipeline(trigger == null ? null : knownTrigger(p, trigger).name()));
        }
        if (todo.isEmpty()) {
            throw new UsageException(plan + (trigger == null ? " has no pipeline.test_stages" : ": no stage runs on trigger " + trigger));
        }
        PlanRun.checkWindow(p, Instant.now(), force, System.out);
        try (LivePlane plane = listen.open(System.out)) {
            return run(p, todo, plane);
        }
    }

    /** The stages in order, each a run fed to the one live plane (null: none). */
    private int run(Plan p, List<Plan.Stage> todo, LivePlane plane) throws Exception {
        Path dir = out != null ? out : Path.of("results", "pipeline-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = json.createObjectNode();
        report.put("plan", p.name());
        report.put("scale_time", scaleTime);
        if (trigger != null) {
            report.put("trigger", trigger);
        }
        ArrayNode ran = report.putArray("stages");
        List<JUnitXml.Suite> suites = new ArrayList<>();
        ExitCode result = ExitCode.OK;
        for (int i = 0; i < todo.size(); i++) {
            Plan.Stage stage = todo.get(i);
            System.out.println("== stage " + (i + 1) + "/" + todo.size() + ": " + stage.name() + " (" + stage.users() + " users, "
                    + io.carga.core.load.Durations.format(PlanRun.scaled(stage.duration(), scaleTime)) + ")");
            Path stageDir = dir.resolve(String.format("%02d-%s", i + 1, stage.name()));
            // the pipeline's stages are priced into the ledger of the root holding the pipeline's folder
            io.carga.cli.budget.CostGate gate = new io.carga.cli.budget.CostGate(p.costs(), io.carga.report.ledger.Ledger.beside(dir), java.time.Instant.now());
            RunLauncher launcher = new RunLauncher(System.out).costs(p.costs().inputs(), gate.ledger()).live(plane, stage.name());
            Judge judge;
            RunLauncher.Launched run;
            RunConfig config = stage.isDb() ? null : HttpRunPlan.apply(gate.apply(stageConfig(p, stage, scaleTime)), System.out);
            String refused = stage.isDb() ? gate.refusal(io.carga.cli.db.DbStage.plannedUserHours(stage, scaleTime), force, System.out)
                    : gate.refusal(config, force, System.out);
            if (refused != null) { // the stage runs nothing and writes no folder; the pipeline stops with the budget's code
                System.err.println("carga: stage " + stage.name() + " " + refused);
                ran.addObject().put("name", stage.name()).put("exit_code", ExitCode.BUDGET.code()).put("result", "refused").put("why", refused);
                result = result == ExitCode.OK ? ExitCode.BUDGET : result;
                break;
            }
            if (stage.isDb()) {
                judge = io.carga.cli.db.DbStage.judge(p, stage, System.out);
                run = io.carga.cli.db.DbStage.launch(stage, scaleTime, launcher, stageDir, judge);
            } else {
                judge = PlanFiles.judge(p, stage, System.out);
                run = launcher.launch(config, stageDir, quiet, PlanRun.outputs(stage, scaleTime, stageDir), judge);
            }
            Adaptive.Advice advice = Adaptive.advise(p.adaptive(), run.result().aggregate());
            System.out.println("next step (adaptive rule): " + advice.action() + " — " + advice.reason());
            ObjectNode a = json.createObjectNode();
            a.put("stage", stage.name());
            a.put("action", advice.action());
            a.put("reason", advice.reason());
            a.put("error_rate", advice.errorRate());
            a.put("p95_ms", advice.p95Ms());
            Files.writeString(stageDir.resolve("adaptive.json"), json.writeValueAsString(a));
            ObjectNode s = ran.addObject();
            s.put("name", stage.name());
            s.put("folder", stageDir.getFileName().toString());
            s.put("exit_code", run.exit().code());
            s.put("result", run.exit().name().toLowerCase());
            s.set("adaptive", a);
            suites.add(judge.junit());
            if (run.exit() != ExitCode.OK && result == ExitCode.OK) {
                result = run.exit();
            }
            if (run.exit() != ExitCode.OK && !p.continueOnFailure()) {
                if (i + 1 < todo.size()) {
                    System.out.println("stage " + stage.name() + " failed (" + run.exit().name().toLowerCase()
                            + "); the pipeline stops here (set pipeline.continue_on_failure to go on)");
                }
                break;
            }
        }
        report.put("exit_code", result.code());
        Files.writeString(dir.resolve("pipeline.json"), json.writeValueAsString(report));
        JUnitXml.write(dir.resolve(JUnitXml.FILE), suites);
        System.out.println("pipeline " + (result == ExitCode.OK ? "passed" : "failed") + ": " + dir.toAbsolutePath());
        return result.code();
    }

    /** The trigger called {@code name}, or a usage error naming the ones there are. */
    private Trigger knownTrigger(Plan p, String name) {
        Trigger t = p.trigger(name);
        if (t == null) {
            List<String> names = p.triggers().stream().map(Trigger::name).toList();
            String hint = Suggest.closest(name, names);
            throw new UsageException("no trigger '" + name + "' in " + plan.getFileName() + (hint != null ? " (did you mean '" + hint + "'?)"
                    : names.isEmpty() ? " (it has no pipeline.triggers)" : "; triggers: " + String.join(", ", names)));
        }
        return t;
    }

    /** The stage's run, with the command line's --target and --seed. */
    private RunConfig stageConfig(Plan p, Plan.Stage stage, double scaleTime) throws java.io.IOException {
        RunConfig config = PlanRun.config(p, stage, scaleTime);
        if (target != null) {
            config = config.withTarget(target);
        }
        return seed == null ? config : config.withSeed(seed);
    }
}
