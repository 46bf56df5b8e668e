package io.carga.core.testkit;

import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.engine.Engine;
import io.carga.core.load.LoadModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Short real runs for engine tests: 100 ms intervals, a fixed seed, a 1 s grace period, a 20 s hard stop. */
public final class Runs {
    private Runs() {
    }

    public static RunConfig config(Scenario scenario, LoadModel load) {
        return RunConfig.of(scenario, load).withInterval(Duration.ofMillis(100)).withSeed(42)
                .withGracefulStop(Duration.ofSeconds(1)).withMaxDuration(Duration.ofSeconds(20));
    }

    /** A finished run: what the engine returned, what an output saw, and how long it took. */
    public record Finished(RunResult result, RecordingOutput output, long wallNanos) {
        public double wallSeconds() {
            return wallNanos / 1e9;
        }
    }

    public static Finished run(RunConfig config) throws InterruptedException {
        return run(config, new RecordingOutput());
    }

    public static Finished run(RunConfig config, RecordingOutput recorder, Output... more) throws InterruptedException {
        List<Output> outputs = new ArrayList<>(List.of(more));
        outputs.add(recorder);
        long t0 = System.nanoTime();
        RunResult r = new Engine(config, new MetricsHub(), outputs, "test").run();
        return new Finished(r, recorder, System.nanoTime() - t0);
    }
}
