package io.carga.core.config;

import io.carga.core.load.LoadModel;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a run needs, immutable and validated: the command line, a plan file and the Java API all
 * produce one of these. Defaults live in {@link Defaults}.
 *
 * @param scenario    the user kinds
 * @param load        the load model
 * @param maxDuration hard stop whatever the plan says (the spec's auto-shutdown)
 * @param gracefulStop how long in-flight work may finish after a stop before it is cut
 * @param interval    the metrics interval
 * @param seed        seed of every random choice
 * @param target      base URL handed to scenarios, or null
 * @param properties  protocol options (headers, timeouts…) as text
 */
public record RunConfig(Scenario scenario, LoadModel load, Duration maxDuration, Duration gracefulStop,
                        Duration interval, long seed, String target, Map<String, String> properties) {
    public RunConfig {
        properties = Map.copyOf(properties);
        if (maxDuration.isZero() || maxDuration.isNegative()) {
            throw new IllegalArgumentException("max duration must be positive");
        }
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval must be at least 10ms");
        }
    }

    public static RunConfig of(Scenario scenario, LoadModel load) {
        return new RunConfig(scenario, load, Defaults.MAX_DURATION, Defaults.GRACEFUL_STOP, Defaults.INTERVAL,
                Defaults.seed(), null, Map.of());
    }

    public RunConfig withTarget(String t) {
        return new RunConfig(scenario, load, maxDuration, gracefulStop, interval, seed, t, properties);
    }

    public RunConfig withSeed(long s) {
        return new RunConfig(scenario, load, maxDuration, gracefulStop, interval, s, target, properties);
    }

    public RunConfig withGracefulStop(Duration g) {
        return new RunConfig(scenario, load, maxDuration, g, interval, seed, target, properties);
    }

    public RunConfig withMaxDuration(Duration d) {
        return new RunConfig(scenario, load, d, gracefulStop, interval, seed, target, properties);
    }

    public RunConfig withInterval(Duration i) {
        return new RunConfig(scenario, load, maxDuration, gracefulStop, i, seed, target, properties);
    }

    public RunConfig withProperties(Map<String, String> p) {
        return new RunConfig(scenario, load, maxDuration, gracefulStop, interval, seed, target, p);
    }
}
