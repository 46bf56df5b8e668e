package io.carga.core.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a ramp: over {@code duration}, move linearly to {@code target} (users in a closed model,
 * iterations per second in an open one), as k6's stages do.
 */
public record Stage(Duration duration, double target) {
    public Stage {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a stage cannot last a negative time");
        }
        if (target < 0 || Double.isNaN(target)) {
            throw new IllegalArgumentException("a stage target cannot be negative: " + target);
        }
    }

    /**
     * Parses a stage list.
     *
     * <pre>
     * stages := stage (',' stage)*       e.g. 30s:100,5m:100,30s:0
     * stage  := duration ':' target      target: users, or a rate such as 200/s for open models
     * </pre>
     */
    public static List<Stage> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty stages");
        }
        List<Stage> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalArgumentException("malformed stage '" + part.trim() + "' (expected duration:target, e.g. 30s:100)");
            }
            Duration d = Durations.parse(part.substring(0, colon));
            String t = part.substring(colon + 1).trim();
            double target;
            if (t.contains("/")) {
                target = Rates.perSecond(t, true);
            } else {
                try {
                    target = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("malformed stage target '" + t + "' in '" + part.trim() + "'");
                }
                if (target < 0) {
                    throw new IllegalArgumentException("stage target cannot be negative in '" + part.trim() + "'");
                }
            }
            out.add(new Stage(d, target));
        }
        return List.copyOf(out);
    }

    /** The total time of a stage list. */
    public static Duration total(List<Stage> stages) {
        Duration d = Duration.ZERO;
        for (Stage s : stages) {
            d = d.plus(s.duration());
        }
        return d;
    }

    /** The linearly interpolated target at {@code elapsedNanos}, starting from {@code start}. */
    public static double targetAt(List<Stage> stages, double start, long elapsedNanos) {
        double from = start;
        long t = elapsedNanos;
        for (Stage s : stages) {
            long d = s.duration().toNanos();
            if (t < d) {
                return from + (s.target() - from) * ((double) t / d);
            }
            t -= d;
            from = s.target();
        }
        return from;
    }
}
