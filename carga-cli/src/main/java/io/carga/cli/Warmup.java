package io.carga.cli;

import io.carga.core.config.RunConfig;
import io.carga.core.engine.Engine;
import io.carga.core.load.LoadModel;
import io.carga.core.metrics.MetricsHub;
import java.io.PrintStream;
import java.util.List;

/**
 * An unrecorded run before the measured one: the same scenario and load shape for a short time, with no
 * outputs, so the JVM has compiled the hot paths before the clock starts (wrk2 calibrates the same way).
 */
final class Warmup {
    private Warmup() {
    }

    static void run(RunConfig config, LoadModel model, PrintStream out) throws InterruptedException {
        out.println("carga: warming up (" + model.describe() + "), not recorded");
        RunConfig warm = new RunConfig(config.scenario(), model, config.maxDuration(), config.gracefulStop(),
                config.interval(), config.seed(), config.target(), config.properties());
        new Engine(warm, new MetricsHub(), List.of(s -> { }), "warmup").run();
    }
}
