package io.carga.cli;

import io.carga.cli.budget.CostGate;
import io.carga.cli.plan.Judge;
import io.carga.cli.plan.Plan;
import io.carga.cli.plan.PlanFiles;
import io.carga.cli.plan.PlanRun;
import io.carga.core.compile.CompileException;
import io.carga.core.compile.ScenarioLoader;
import io.carga.core.config.CarrierThreads;
import io.carga.core.config.Defaults;
import io.carga.core.config.RunConfig;
import io.carga.core.load.Durations;
import io.carga.core.load.LoadModel;
import io.carga.http.HttpRunPlan;
import io.carga.observe.LivePlane;
import io.carga.report.ledger.Ledger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carga run SCENARIO} and the quick mode {@code carga run --url URL}. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a load test: a scenario (.java file or class name), or one URL (quick mode).",
                "  carga run journeys/MyJourney.java --users 100 --spawn-rate 10 --duration 5m",
                "  carga run --url http://127.0.0.1:8080/ping --connections 64 --duration 10s",
                "  carga run --url http://127.0.0.1:8080/ping --rate 500/s --duration 30s",
                "  carga run --plan carga.yaml --stage smoke"})
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "A .java file compiled at start, or a class on the classpath.")
    String scenario;

    @Option(names = "--url", paramLabel = "URL", description = "Quick mode: load this one URL, no scenario needed.")
    String url;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "Quick mode: HTTP method (default GET).")
    String method = "GET";

    @Option(names = {"-H", "--header"}, paramLabel = "NAME: VALUE", description = "Quick mode: a request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "Quick mode: the request body.")
    String body;

    @Option(names = "--target", paramLabel = "URL", description = "Base URL handed to scenarios.")
    String target;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice, to repeat a run.")
    Long seed;

    @Option(names = {"-P", "--property"}, paramLabel = "KEY=VALUE", description = {"A protocol setting (repeatable), e.g.",
            "-P ai.rate-limit=100/min -P ai.budget.per-test=5 -P ai.budget.currency=BRL -P http.pooling=shared:1000."})
    Map<String, String> props = new LinkedHashMap<>();

    /**
     * Quick mode's default warm-up. A cold JVM spends its first seconds compiling the request loop, which cost
     * a 10 s run about 10 % of its requests/s on this project's 2-core reference machine: a figure about the
     * JIT, not about the target. wrk2 leaves its calibration out of its figures for the same reason.
     */
    private static final Duration QUICK_WARMUP = Duration.ofSeconds(2);

    @Option(names = "--warmup", paramLabel = "DURATION", description = {"Run the same load this long first, unrecorded,",
            "so JIT compilation and connection set-up stay out of the figures (as wrk2's calibration).",
            "Default 2s in quick mode (--url), none for scenarios; 0 turns it off."})
    String warmup;

    @Option(names = "--cpus", paramLabel = "N", description = {"Carrier threads for the virtual users. Default: every core;",
            "in quick mode against this machine (a loopback URL) all but one, so the target keeps a core."})
    Integer cpus;

    @Option(names = "--max-duration", paramLabel = "DURATION", description = "Hard stop whatever the plan (default 2h).")
    String maxDuration;

    @Option(names = "--graceful-stop", paramLabel = "DURATION", description = "Time in-flight work gets after a stop (default 5s).")
    String gracefulStop;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    CapacityOptions capacity = new CapacityOptions();

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--target-metrics", paramLabel = "URL", description = {"Scrape the target's own Prometheus endpoint every second",
            "while the run goes (e.g. http://127.0.0.1:8080/metrics): the report shows which of its latencies grew with load."})
    java.net.URI targetMetrics;

    @Option(names = "--plan", paramLabel = "FILE", description = "A plan file (carga.yaml): scenarios, load, SLA, stages, alerts. Options given here override it.")
    Path plan;

    @Option(names = "--stage", paramLabel = "NAME", description = "With --plan: run this stage (smoke_test, or just smoke).")
    String stage;

    @Option(names = "--force", description = {"With --plan: run even outside the plan's allowed time window,",
            "or when its testing budget cannot pay for the run (exit code 5 otherwise)."})
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (plan != null) {
            return runPlan();
        }
        if (scenario == null && url == null) {
            throw new UsageException("give a SCENARIO (.java file or class name) or --url URL");
        }
        if (scenario != null && url != null) {
            throw new UsageException("give either a SCENARIO or --url, not both");
        }
        ScenarioLoader.Loaded loaded;
        Map<String, String> properties = new LinkedHashMap<>(props);
        if (url != null) {
            loaded = new ScenarioLoader.Loaded(QuickMode.scenario(url, method, headers, body), null);
        } else {
            try {
                loaded = new ScenarioLoader().load(scenario);
            } catch (CompileException e) {
                e.messages().forEach(System.err::println);
                System.err.println("carga: " + scenario + " does not compile; the run did not start");
                return ExitCode.USAGE.code();
            }
        }
        Duration defaultDuration = url != null ? Duration.ofSeconds(10) : Defaults.DURATION;
        if (loaded.mixed() && (capacity.enabled || warmup != null)) {
            throw new UsageException("the scenarios of " + scenario + " give their own loads (@Load): no --capacity or --warmup");
        }
        LoadModel model = capacity.enabled ? capacity.plan().model() : loaded.mixed() ? load.toMixed(loaded, defaultDuration)
                : load.toModel(loaded.shape(), defaultDuration);
        Path dir = output.outDir();
        RunConfig config = RunConfig.of(loaded.scenario(), model).withTarget(target).withProperties(properties);
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (maxDuration != null) {
            config = config.withMaxDuration(duration(maxDuration, "--max-duration"));
        }
        if (gracefulStop != null) {
            config = config.withGracefulStop(duration(gracefulStop, "--graceful-stop"));
        }
        config = HttpRunPlan.apply(config, System.out);
        carriers(url);
        Duration warm = warmup != null ? duration(warmup, "--warmup")
                : url != null && !capacity.enabled ? QUICK_WARMUP : Duration.ZERO;
        try (LivePlane plane = listen.open(System.out)) {
            if (!warm.isZero()) {
                Warmup.run(config, load.withDuration(warm.toMillis() + "ms").toModel(null, Duration.ZERO), System.out);
            }
            RunLauncher.Launched run = new RunLauncher(System.out).live(plane, "").launch(config, dir, output.quiet,
                    withTargetMetrics(capacity.enabled ? List.of(capacity.search(dir)) : List.of(), dir));
            return run.exit().code();
        }
    }

    /** {@code --plan}: the plan's stage as the base config, this command's options on top. */
    private int runPlan() throws Exception {
        if (scenario != null || url != null) {
            throw new UsageException("give either --plan or a SCENARIO/--url, not both");
        }
        Plan p = PlanFiles.load(plan);
        Plan.Stage st = PlanRun.stage(p, stage);
        PlanRun.checkWindow(p, java.time.Instant.now(), force, System.out);
        if (st.isDb()) {
            if (load.bounded() || load.users != null || load.rate != null || target != null || !props.isEmpty()) {
                throw new UsageException("stage " + st.name() + " is a carga db run: its load and database are its db: command line");
            }
            Path out = output.outDir();
            CostGate costs = new CostGate(p.costs(), Ledger.beside(out), java.time.Instant.now());
            String refused = costs.refusal(io.carga.cli.db.DbStage.plannedUserHours(st, 1.0), force, System.out);
            if (refused != null) { // before anything is written, as for any stage
                System.err.println("carga: " + refused);
                return ExitCode.BUDGET.code();
            }
            Judge judge = io.carga.cli.db.DbStage.judge(p, st, System.out);
            try (LivePlane plane = listen.open(System.out)) {
                return io.carga.cli.db.DbStage.launch(st, 1.0, new RunLauncher(System.out).costs(p.costs().inputs(), costs.ledger()).live(plane, st.name()),
                        out, judge).exit().code();
            }
        }
        if (st.mixed()) {
            st = PlanRun.withDuration(st, load.mixedDuration(st.duration(), "stage " + st.name() + " give their own loads"));
        }
        RunConfig config = PlanRun.config(p, st, 1.0);
        Path out = output.outDir();
        CostGate costs = new CostGate(p.costs(), Ledger.beside(out), java.time.Instant.now());
        config = costs.apply(config);
        if (!st.mixed() && (load.bounded() || load.users != null || load.rate != null)) {
            if (load.users == null && load.connections == null && load.rate == null) {
                load.users = st.users(); // --duration alone shortens the stage; it keeps the stage's users
            }
            config = new RunConfig(config.scenario(), load.toModel(null, st.duration()), config.maxDuration(),
                    config.gracefulStop(), config.interval(), config.seed(), config.target(), config.properties());
        }
        if (target != null) {
            config = config.withTarget(target);
        }
        if (!props.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(config.properties());
            merged.putAll(props);
            config = config.withProperties(merged);
        }
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (maxDuration != null) {
            config = config.withMaxDuration(duration(maxDuration, "--max-duration"));
        }
        if (gracefulStop != null) {
            config = config.withGracefulStop(duration(gracefulStop, "--graceful-stop"));
        }
        config = HttpRunPlan.apply(config, System.out);
        String refused = costs.refusal(config, force, System.out);
        if (refused != null) { // before anything is written: a refused run leaves no results folder
            System.err.println("carga: " + refused);
            return ExitCode.BUDGET.code();
        }
        carriers(null);
        Judge judge = PlanFiles.judge(p, st, System.out);
        try (LivePlane plane = listen.open(System.out)) {
            return new RunLauncher(System.out).costs(p.costs().inputs(), costs.ledger()).live(plane, st.name()).launch(config, out, output.quiet,
                    withTargetMetrics(PlanRun.outputs(st, 1.0, out), out), judge).exit().code();
        }
    }

    /** {@code outputs} plus the scraper of {@code --target-metrics}, when given. */
    private List<io.carga.core.output.Output> withTargetMetrics(List<io.carga.core.output.Output> outputs, Path dir) {
        if (targetMetrics == null) {
            return outputs;
        }
        List<io.carga.core.output.Output> all = new ArrayList<>(outputs);
        all.add(new io.carga.cli.scrape.TargetScraper(targetMetrics, dir, Duration.ofSeconds(1)));
        return all;
    }

    /**
     * Fixes the carrier threads before the first virtual thread starts (the JDK reads the setting once). Only
     * quick mode leaves a local target a core by default: 100,000 thinking users held to one core of two fell
     * behind their timers during the ramp (lag p99 174 ms against 1.9 ms on both cores, bench/core/many-users.sh).
     */
    private void carriers(String quickUrl) {
        if (cpus != null && cpus < 1) {
            throw new UsageException("--cpus must be at least 1, got " + cpus);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int n = quickUrl != null || cpus != null ? CarrierThreads.apply(quickUrl, cpus) : CarrierThreads.inForce();
        if (cpus == null && n < cores) {
            System.out.println("carga: the target is on this machine; the connections run on " + n + " of " + cores
                    + " cores (--cpus to change)");
        }
    }

    private static Duration duration(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
