package io.carga.cli;

import io.carga.core.api.LoadShape;
import io.carga.core.compile.ScenarioLoader;
import io.carga.core.config.Defaults;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.Durations;
import io.carga.core.load.IterationsModel;
import io.carga.core.load.LoadModel;
import io.carga.core.load.OpenModel;
import io.carga.core.load.Rates;
import io.carga.core.load.ShapeModel;
import io.carga.core.load.Stage;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The load options shared by every command that drives users, and the rules that turn them into one
 * {@link LoadModel}:
 * <ul>
 * <li>a {@link LoadShape} in the scenario wins (as Locust's LoadTestShape does);</li>
 * <li>{@code --iterations}: a fixed count, shared by the users or {@code --per-user};</li>
 * <li>{@code --rate}, or {@code --stages} whose targets are rates ({@code 30s:100/s}): open model;</li>
 * <li>otherwise closed: {@code --stages} of users, or {@code --users}/{@code --connections} with
 * {@code --spawn-rate}.</li>
 * </ul>
 */
final class LoadOptions {
    @Option(names = {"-u", "--users"}, paramLabel = "N", description = "Virtual users (closed model).")
    Integer users;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "Quick mode: concurrent connections, each a user looping without think time.")
    Integer connections;

    @Option(names = {"-r", "--spawn-rate"}, paramLabel = "PER_S", description = "Users started per second (default: all at once).")
    Double spawnRate;

    @Option(names = "--rate", paramLabel = "RATE", description = "Open model: iterations per time unit, e.g. 100/s, 6000/m.")
    String rate;

    @Option(names = "--stages", paramLabel = "STAGES", description = "Ramp stages, e.g. 30s:100,5m:100,30s:0 (users) or 1m:200/s (rates).")
    String stages;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "How long to run, e.g. 30s, 5m, 1h.")
    String duration;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Run N iterations, then stop.")
    Long iterations;

    @Option(names = "--per-user", description = "With --iterations: N per user instead of N shared.")
    boolean perUser;

    @Option(names = "--max-users", paramLabel = "N", description = "Open model: most iterations in flight at once (default ${DEFAULT-VALUE}).")
    int maxUsers = Defaults.MAX_CONCURRENCY;

    /** The same load for another duration (a warm-up run). */
    LoadOptions withDuration(String d) {
        LoadOptions o = new LoadOptions();
        o.users = users;
        o.connections = connections;
        o.spawnRate = spawnRate;
        o.rate = rate;
        o.stages = null;
        o.duration = d;
        o.iterations = null;
        o.perUser = perUser;
        o.maxUsers = maxUsers;
        return o;
    }

    LoadModel toModel(LoadShape shape, Duration defaultDuration) {
        if (users != null && users < 1) {
            throw new UsageException("--users must be at least 1, was " + users);
        }
        if (connections != null && connections < 1) {
            throw new UsageException("--connections must be at least 1, was " + connections);
        }
        if (maxUsers < 1) {
            throw new UsageException("--max-users must be at least 1, was " + maxUsers);
        }
        if (spawnRate != null && spawnRate <= 0) {
            throw new UsageException("--spawn-rate must be positive, was " + spawnRate);
        }
        if (shape != null) {
            return new ShapeModel(shape, maxUsers);
        }
        int population = users != null ? users : connections != null ? connections : 1;
        Duration d = duration == null ? defaultDuration : parse(() -> Durations.parse(duration));
        if (d.isZero()) {
            throw new UsageException("--duration must be positive");
        }
        if (iterations != null) {
            if (iterations < 1) {
                throw new UsageException("--iterations must be at least 1, was " + iterations);
            }
            return new IterationsModel(iterations, population, perUser, d);
        }
        List<Stage> stageList = stages == null ? null : parse(() -> Stage.parseList(stages));
        boolean rateStages = stages != null && stages.contains("/");
        if (rate != null || rateStages) {
            double start = rate == null ? 0 : parse(() -> Rates.perSecond(rate));
            if (stageList != null) {
                return new OpenModel(start, stageList, maxUsers);
            }
            return OpenModel.constant(start, d, maxUsers);
        }
        if (stageList != null) {
            return new ClosedModel(stageList);
        }
        return ClosedModel.of(population, spawnRate == null ? 0 : spawnRate, d);
    }

    /**
     * The load of a scenario file whose classes declare their own ({@code @Load}): they are the load, so only
     * {@code --duration} may be given, the length of each scenario that does not say its own.
     */
    LoadModel toMixed(ScenarioLoader.Loaded loaded, Duration defaultDuration) {
        Duration d = mixedDuration(defaultDuration, "this file give their own loads (@Load)");
        return parse(() -> loaded.model(d));
    }

    /** {@code --duration}, or {@code defaultDuration}, for scenarios with loads of their own ({@code whose}). */
    Duration mixedDuration(Duration defaultDuration, String whose) {
        if (users != null || connections != null || spawnRate != null || rate != null || stages != null
                || iterations != null || perUser || maxUsers != Defaults.MAX_CONCURRENCY) {
            throw new UsageException("the scenarios of " + whose + "; only --duration applies to them");
        }
        return duration == null ? defaultDuration : parse(() -> Durations.parse(duration));
    }

    /** Whether the user said how long to run (otherwise the default applies). */
    boolean bounded() {
        return duration != null || stages != null || iterations != null;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
