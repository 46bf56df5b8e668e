package io.carga.cli;

import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.PlatformSimMain;
import io.carga.platform.db.Seeder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code carga target}: runs the reference target (the AI Departments Platform simulator) until stopped. */
@Command(name = "target", mixinStandardHelpOptions = true,
        description = {"Run the reference target: the AI Departments Platform simulator on embedded PostgreSQL.",
                "Options: --port P (8080), --jdbc-url URL, --seed-data B,U[,G[,M]] | none, --llm-time-scale X,",
                "--quota-scale X, --error-rate X, --extra-latency-ms N, --stall-every-ms N --stall-for-ms N,",
                "--slow-stream-factor X, --candidate [--candidate-latency-ms N] (see platform-sim/README.md)."})
final class TargetCommand implements Callable<Integer> {
    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PlatformConfig config;
        try {
            config = PlatformSimMain.parse(options.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (PlatformSim sim = PlatformSim.start(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    sim.close();
                } catch (Exception e) {
                    System.err.println("carga target: " + e.getMessage());
                }
            }, "carga-target-stop"));
            Seeder.Result s = sim.seeded();
            System.out.printf("carga target: the AI Departments Platform listens on %s (started in %d ms; %d businesses, %d users seeded)%n",
                    sim.baseUrl(), sim.startupMillis(), s.businesses(), s.users());
            sim.awaitShutdown();
        }
        return ExitCode.OK.code();
    }
}
