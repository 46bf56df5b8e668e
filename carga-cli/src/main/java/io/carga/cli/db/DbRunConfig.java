package io.carga.cli.db;

import io.carga.core.config.RunConfig;
import io.carga.core.engine.Driver;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.IterationsModel;
import io.carga.core.load.LoadModel;
import io.carga.core.load.OpenModel;
import io.carga.pgbench.run.BenchConfig;
import io.carga.pgbench.script.Script;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A {@code carga db} run as carga's outputs and reports see it: named after its scripts, with the load
 * model that says what pgbench's options mean (-c and -T: a closed model; -R: an open one; -t: a number
 * of transactions per client), the database as target, and the run-wide maximum duration, which also
 * bounds a {@code -t} run.
 */
final class DbRunConfig {
    private DbRunConfig() {}

    static RunConfig of(BenchConfig cfg, String url) {
        String scripts = cfg.scripts().stream().map(Script::desc).collect(Collectors.joining(", "));
        return Driver.config("carga db: " + scripts, load(cfg)).withTarget(url).withSeed(seed(cfg.randomSeed()));
    }

    private static LoadModel load(BenchConfig cfg) {
        if (cfg.durationSeconds() <= 0) return new IterationsModel(cfg.transactions(), cfg.clients(), true, null);
        Duration d = Duration.ofSeconds(cfg.durationSeconds());
        return cfg.rate() > 0 ? OpenModel.constant(cfg.rate(), d, cfg.clients()) : ClosedModel.of(cfg.clients(), 0, d);
    }

    /** A given --random-seed repeats the run; for "time" and "rand" pgbench draws its own, recorded as 0. */
    private static long seed(String option) {
        if (option == null || option.equals("time") || option.equals("rand")) return 0;
        return Long.parseUnsignedLong(option);
    }
}
