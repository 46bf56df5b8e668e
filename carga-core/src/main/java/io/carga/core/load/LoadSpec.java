package io.carga.core.load;

import io.carga.core.config.Defaults;
import java.time.Duration;
import java.util.List;

/**
 * The load of one scenario as written in a scenario file ({@code @Load("10/s max 50")}) or a plan
 * (<code>{rate: 10/s, max_users: 50}</code>), before the run's duration is known. Parse once, then
 * {@link #model} gives the load model, with the run's duration for a load that does not say how long.
 *
 * <pre>
 * load    := kind option*
 * kind    := N 'users'               closed: N looping users             200 users
 *          | RATE                    open: a constant arrival rate       10/s, 600/m
 *          | STAGES                  a ramp: user targets are closed,    30s:100,5m:100
 *                                    rate targets open                   1m:5/s,5m:50/s
 *          | N 'iterations'          N iterations shared by the users    500 iterations by 10 users
 * option  := 'for' DURATION          how long (not with stages; default: the run's duration)
 *          | 'spawn' RATE            closed: users started per second    200 users spawn 20/s
 *          | 'max' N                 open: most iterations in flight (default 1000)
 *          | 'by' N 'users'          iterations: how many users do them (default 1)
 *          | 'each'                  iterations: N per user instead of N shared
 *          | 'after' DURATION        start this long after the run (k6's startTime)
 * </pre>
 *
 * @param users      closed users, or the users doing iterations; null when not given
 * @param spawnRate  closed users started per second; null: all at once
 * @param rate       open arrivals per second; null when not open at a constant rate
 * @param maxUsers   open: most iterations in flight; null: {@link Defaults#MAX_CONCURRENCY}
 * @param stages     a ramp as {@link Stage#parseList} reads it (its targets rates when they have a unit), or null
 * @param duration   how long; null: the run's
 * @param iterations iterations, or null
 * @param perUser    iterations per user instead of shared
 * @param startAfter start offset, or null
 */
public record LoadSpec(Integer users, Double spawnRate, Double rate, Integer maxUsers, String stages,
                       Duration duration, Long iterations, boolean perUser, Duration startAfter) {

    /** Parses the grammar above; the message of the exception names what is wrong. */
    public static LoadSpec parse(String text) {
        String[] w = text == null ? new String[0] : text.trim().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            throw new IllegalArgumentException("empty load (e.g. '200 users', '10/s max 50', '1m:5/s,5m:50/s')");
        }
        Integer users = null;
        Double spawn = null;
        Double rate = null;
        Integer max = null;
        String stages = null;
        Duration duration = null;
        Long iterations = null;
        boolean each = false;
        Duration after = null;
        int i = 1;
        if (w[0].contains(":")) {
            stages = w[0];
        } else if (w.length > 1 && (w[1].equals("users") || w[1].equals("user"))) {
            users = count(w[0], text);
            i = 2;
        } else if (w.length > 1 && w[1].equals("iterations")) {
            iterations = (long) count(w[0], text);
            i = 2;
        } else {
            rate = Rates.perSecond(w[0]);
        }
        for (; i < w.length; i++) {
            String word = w[i];
            boolean known = switch (word) {
                case "for", "spawn", "max", "after", "each", "by" -> true;
                default -> false;
            };
            if (!known) {
                throw new IllegalArgumentException("unknown word '" + word + "' in load '" + text.trim()
                        + "' (expected for, spawn, max, by, each or after)");
            }
            if (i + 1 == w.length && !word.equals("each")) {
                throw new IllegalArgumentException("'" + word + "' needs a value in load '" + text.trim() + "'");
            }
            switch (word) {
                case "for" -> duration = Durations.parse(w[++i]);
                case "spawn" -> spawn = Rates.perSecond(w[++i]);
                case "max" -> max = count(w[++i], text);
                case "after" -> after = Durations.parse(w[++i]);
                case "each" -> each = true;
                case "by" -> {
                    users = count(w[++i], text);
                    if (i + 1 < w.length && (w[i + 1].equals("users") || w[i + 1].equals("user"))) {
                        i++;
                    }
                }
                default -> throw new IllegalStateException(word);
            }
        }
        LoadSpec spec = new LoadSpec(users, spawn, rate, max, stages, duration, iterations, each, after);
        spec.model(Defaults.DURATION); // every rule checked now, not when the run starts
        return spec;
    }

    /** The load model, lasting {@code runDuration} unless this load says how long. */
    public LoadModel model(Duration runDuration) {
        Duration d = duration != null ? duration : runDuration;
        int max = maxUsers != null ? maxUsers : Defaults.MAX_CONCURRENCY;
        if (iterations != null) {
            return new IterationsModel(iterations, users != null ? users : 1, perUser, d);
        }
        if (stages != null) {
            if (duration != null) {
                throw new IllegalArgumentException("stages say how long they last: drop 'for'");
            }
            List<Stage> list = Stage.parseList(stages);
            return stages.contains("/") ? new OpenModel(0, list, max) : new ClosedModel(list);
        }
        if (rate != null) {
            return OpenModel.constant(rate, d, max);
        }
        if (users == null) {
            throw new IllegalArgumentException("a load needs users, a rate, stages or iterations");
        }
        return ClosedModel.of(users, spawnRate != null ? spawnRate : 0, d);
    }

    /** The same load with every time it gives (duration, stages, start offset) multiplied by {@code factor}. */
    public LoadSpec timeScaled(double factor) {
        String scaledStages = stages == null ? null : Stage.parseList(stages).stream()
                .map(s -> scale(s.duration(), factor).toMillis() + "ms:" + s.target() + (stages.contains("/") ? "/s" : ""))
                .collect(java.util.stream.Collectors.joining(","));
        return new LoadSpec(users, spawnRate, rate, maxUsers, scaledStages, duration == null ? null : scale(duration, factor),
                iterations, perUser, startAfter == null ? null : scale(startAfter, factor));
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static int count(String word, String text) {
        try {
            int n = Integer.parseInt(word);
            if (n < 1) {
                throw new IllegalArgumentException("'" + word + "' must be at least 1 in load '" + text.trim() + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a whole number in load '" + text.trim() + "'");
        }
    }

    public Duration startAfter() {
        return startAfter == null ? Duration.ZERO : startAfter;
    }
}
