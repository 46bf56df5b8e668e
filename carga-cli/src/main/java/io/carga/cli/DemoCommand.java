package io.carga.cli;

import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.Durations;
import io.carga.examples.AIModelLoadTester;
import io.carga.examples.BrazilianMicroEntrepreneurUser;
import io.carga.examples.ModelRotationTester;
import io.carga.http.HttpRunPlan;
import io.carga.observe.LivePlane;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carga demo}: the whole thing on a fresh machine. Starts embedded PostgreSQL and the reference
 * platform in-process on free ports, runs the spec's core journey mix against it, and prints where the
 * results are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the reference platform and load it with the spec's core journeys.",
                "Embedded PostgreSQL, simulated Gemini/OpenAI providers, and the journeys",
                "BrazilianMicroEntrepreneurUser, AIModelLoadTester and ModelRotationTester (4:1:1)",
                "from examples/, with AI cost, quality and per-model figures."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-u", "--users"}, paramLabel = "N", description = "Virtual users (default ${DEFAULT-VALUE}).")
    int users = 50;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Run length (default ${DEFAULT-VALUE}).")
    String duration = "60s";

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice.")
    Long seed;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new UsageException("--users must be at least 1, was " + users);
        }
        Duration d;
        try {
            d = Durations.parse(duration);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        System.out.println("carga demo: starting embedded PostgreSQL and the AI Departments Platform…");
        long t0 = System.nanoTime();
        try (LivePlane plane = listen.openOrAnyPort(System.out);
             PlatformSim sim = PlatformSim.start(PlatformConfig.builder().port(0).build())) {
            System.out.printf("carga demo: platform up at %s in %.1f s (%d businesses, %d users seeded)%n", sim.baseUrl(),
                    (System.nanoTime() - t0) / 1e9, sim.seeded().businesses(), sim.seeded().users());
            System.out.println("live: the platform's own metrics " + sim.baseUrl() + "/metrics");
            Scenario mix = new Scenario("demo: spec core journeys", List.of(
                    UserSpec.of(BrazilianMicroEntrepreneurUser.class), UserSpec.of(AIModelLoadTester.class),
                    UserSpec.of(ModelRotationTester.class)));
            // Spawn over a tenth of the run (at least one second) so logins do not all land at once.
            double spawnRate = users / Math.max(1.0, d.toMillis() / 10_000.0);
            RunConfig config = RunConfig.of(mix, ClosedModel.of(users, spawnRate, d)).withTarget(sim.baseUrl());
            if (seed != null) {
                config = config.withSeed(seed);
            }
            config = HttpRunPlan.apply(config, System.out);
            RunLauncher.Launched run = new RunLauncher(System.out).live(plane, "").launch(config, output.outDir(), output.quiet, List.of());
            return run.exit().code();
        }
    }
}
