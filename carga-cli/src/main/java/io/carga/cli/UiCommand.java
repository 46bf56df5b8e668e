package io.carga.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.cli.plan.Judge;
import io.carga.cli.plan.Plan;
import io.carga.cli.plan.PlanFiles;
import io.carga.cli.plan.PlanRun;
import io.carga.core.compile.CompileException;
import io.carga.core.compile.ScenarioLoader;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.load.Durations;
import io.carga.http.HttpRunPlan;
import io.carga.observe.LivePlane;
import io.carga.ui.LiveUi;
import io.carga.ui.api.ApiError;
import io.carga.ui.api.RunStarter;
import io.carga.ui.api.StartRequest;
import io.carga.ui.live.LiveRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carga ui SCENARIO}: opens the live server and waits; the page's form (or {@code POST /api/v1/run})
 * starts runs of the scenario, one at a time, each in a results folder of its own.
 */
@Command(name = "ui", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open the web UI: start, watch, steer and stop runs of a scenario from a browser.",
                "  carga ui examples/BrazilianMicroEntrepreneurUser.java --target http://127.0.0.1:8080",
                "  carga ui --plan carga.yaml --stage smoke        (the stage's scenario and thresholds)",
                "Then open the URL it prints. The page's API is documented in carga-ui's README."})
final class UiCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "A .java file compiled at start, or a class on the classpath.")
    String scenario;

    @Option(names = "--plan", paramLabel = "FILE", description = "A plan: its stage's scenario, target, settings and thresholds.")
    Path plan;

    @Option(names = "--stage", paramLabel = "NAME", description = "With --plan: the stage (default: the first).")
    String stage;

    @Option(names = "--target", paramLabel = "URL", description = "The form's target (base URL handed to scenarios).")
    String target;

    @Option(names = {"-u", "--users"}, paramLabel = "N", description = "The form's users (default ${DEFAULT-VALUE}).")
    int users = 10;

    @Option(names = {"-r", "--spawn-rate"}, paramLabel = "PER_S", description = "The form's spawn rate (default ${DEFAULT-VALUE}).")
    double spawnRate = 10;

    @Option(names = "--rate", paramLabel = "RATE", description = "The form's arrival rate; the form then starts on the open model.")
    String rate;

    @Option(names = "--max-users", paramLabel = "N", description = "The form's most iterations in flight (open model, default ${DEFAULT-VALUE}).")
    int maxUsers = 100;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "The form's duration (default: until stopped).")
    String duration;

    @Option(names = "--max-duration", paramLabel = "DURATION", description = "Hard stop of every run, and the length of one without a duration (default 2h).")
    String maxDuration;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice.")
    Long seed;

    @Option(names = {"-P", "--property"}, paramLabel = "KEY=VALUE", description = "A protocol setting (repeatable), as for carga run.")
    Map<String, String> props = new LinkedHashMap<>();

    @Option(names = "--quit-after-run", description = {"Exit when the first run ends, with its exit code (Locust's --autoquit),",
            "for scripts driving the API; the page stays served for --linger first (default 0s)."})
    boolean quitAfterRun;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    ListenOptions listen = new ListenOptions();

    /** Locust's web UI port. */
    static final String DEFAULT_LISTEN = "8089";

    @Override
    public Integer call() throws Exception {
        Base base = base();
        if (listen.listen == null) {
            listen.listen = DEFAULT_LISTEN;
        }
        if (listen.linger == null) {
            listen.linger = "0s"; // the page is the interface; nobody scrapes a finished ui server
        }
        CompletableFuture<Integer> firstRun = new CompletableFuture<>();
        try (LivePlane plane = listen.open(System.out)) {
            LiveUi ui = LiveUi.on(plane);
            ui.starter(new Starter(base, plane, firstRun));
            String url = plane.server().baseUrl() + "/";
            System.out.println("ui: open " + url + (plane.server() != null && listen.settings().token() != null
                    ? "?token=TOKEN (the --listen-token)" : "") + " to start a run of " + base.scenario.name());
            if (quitAfterRun) {
                return firstRun.get();
            }
            Thread.currentThread().join(); // until Ctrl-C: the JVM's exit ends a run gracefully (RunLauncher's hook)
            return ExitCode.OK.code();
        }
    }

    /** What every run shares: the scenario, compiled once, and the plan's settings when there is one. */
    private record Base(Scenario scenario, RunConfig planConfig, Plan plan, Plan.Stage stage) {
    }

    private Base base() throws Exception {
        if ((scenario == null) == (plan == null)) {
            throw new UsageException(scenario == null ? "give a SCENARIO (.java file or class name) or --plan FILE"
                    : "give either a SCENARIO or --plan, not both");
        }
        check();
        if (plan != null) {
            Plan p = PlanFiles.load(plan);
            Plan.Stage st = PlanRun.stage(p, stage);
            if (st.isDb()) {
                throw new UsageException("stage " + st.name() + " is a carga db run: run it with carga run --plan or carga pipeline");
            }
            if (st.mixed()) {
                throw new UsageException("stage " + st.name() + " runs several scenarios with their own loads: the UI steers one load (carga run --plan … --listen watches it)");
            }
            RunConfig c = PlanRun.config(p, st, 1.0);
            return new Base(c.scenario(), c, p, st);
        }
        try {
            ScenarioLoader.Loaded loaded = new ScenarioLoader().load(scenario);
            if (loaded.mixed() || loaded.shape() != null) {
                throw new UsageException(scenario + " gives its own load (@Load or a LoadShape): the UI steers users or a rate (carga run … --listen watches it)");
            }
            return new Base(loaded.scenario(), null, null, null);
        } catch (CompileException e) {
            e.messages().forEach(System.err::println);
            throw new UsageException(scenario + " does not compile; the UI did not start");
        }
    }

    /** The form's defaults are checked as the API would check them, before the server opens. */
    private void check() {
        try {
            StartRequest.parse(defaults(new ObjectMapper().createObjectNode(), false));
        } catch (ApiError e) {
            throw new UsageException(e.getMessage().replaceFirst("^(\\w+):", "--$1:").replace("_", "-"));
        }
        if (maxDuration != null) {
            duration(maxDuration, "--max-duration");
        }
    }

    /** The form's values as a start request's body (with {@code model} for the page when {@code forPage}). */
    private ObjectNode defaults(ObjectNode n, boolean forPage) {
        boolean open = rate != null;
        if (forPage || !open) {
            n.put("users", users).put("spawn_rate", spawnRate);
        }
        if (forPage || open) {
            n.put("rate", rate == null ? "10/s" : rate).put("max_users", maxUsers);
        }
        if (forPage) {
            n.put("model", open ? "open" : "closed");
        }
        n.put("duration", duration == null ? "" : duration);
        n.put("target", target);
        return n;
    }

    private static Duration duration(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** Starts the page's runs: the config on the calling thread (so a bad one is a 400), the run on its own. */
    private final class Starter implements RunStarter {
        private final Base base;
        private final LivePlane plane;
        private final CompletableFuture<Integer> firstRun;

        Starter(Base base, LivePlane plane, CompletableFuture<Integer> firstRun) {
            this.base = base;
            this.plane = plane;
            this.firstRun = firstRun;
        }

        @Override
        public ObjectNode defaults() {
            ObjectNode n = UiCommand.this.defaults(new ObjectMapper().createObjectNode(), true);
            if (target == null && base.planConfig() != null) {
                n.put("target", base.planConfig().target());
            }
            return n;
        }

        @Override
        public String scenario() {
            return base.scenario().name();
        }

        @Override
        public void start(StartRequest request, LiveRun run) {
            Duration max = maxDuration != null ? duration(maxDuration, "--max-duration")
                    : base.planConfig() != null ? base.planConfig().maxDuration() : io.carga.core.config.Defaults.MAX_DURATION;
            RunConfig config = RunConfig.of(base.scenario(), request.model(max)).withMaxDuration(max);
            Map<String, String> properties = new LinkedHashMap<>(base.planConfig() == null ? Map.of() : base.planConfig().properties());
            properties.putAll(props);
            config = config.withProperties(properties);
            String t = request.target() != null ? request.target() : target != null ? target
                    : base.planConfig() != null ? base.planConfig().target() : null;
            config = config.withTarget(t);
            if (seed != null) {
                config = config.withSeed(seed);
            }
            RunConfig ready;
            try {
                ready = HttpRunPlan.apply(config, System.out);
            } catch (IllegalArgumentException e) {
                throw ApiError.bad(e.getMessage());
            }
            Path dir = runDir();
            Judge judge = base.plan() == null ? null : PlanFiles.judge(base.plan(), base.stage(), System.out);
            Thread.ofPlatform().name("carga-ui-run").start(() -> {
                int code;
                try {
                    code = new RunLauncher(System.out).live(plane, base.stage() == null ? "" : base.stage().name())
                            .launch(ready, dir, output.quiet, judge == null ? List.of() : PlanRun.outputs(base.stage(), 1.0, dir), judge)
                            .exit().code();
                    run.exited(code);
                } catch (Exception | Error e) {
                    run.failed("the run failed: " + e.getMessage());
                    code = e instanceof UsageException || e instanceof IllegalArgumentException ? ExitCode.USAGE.code() : 1;
                }
                firstRun.complete(code);
            });
        }

        /** {@code results/<timestamp>} (under {@code --out} when given), one folder per run. */
        private Path runDir() {
            Path root = output.out != null ? output.out : Path.of("results");
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path dir = root.resolve(stamp);
            for (int i = 2; Files.exists(dir); i++) {
                dir = root.resolve(stamp + "-" + i);
            }
            return dir;
        }
    }
}
