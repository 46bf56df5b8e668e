package io.carga.core.threshold;

import io.carga.core.load.Durations;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in plans: {@code 5m}, {@code 5 minutes}, {@code 4 hours},
 * {@code 1h 30m}, {@code 2 hours and 15 minutes}. Words are turned into {@link Durations}' short units.
 */
public final class Quantities {
    private static final Pattern WORD = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(milliseconds?|millis|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)(?![a-z])",
            Pattern.CASE_INSENSITIVE);

    private Quantities() {
    }

    public static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            throw new ThresholdSyntaxException("empty duration", 1);
        }
        String s = text.trim();
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Durations.parse(s);
        }
        Matcher m = WORD.matcher(s);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            String gap = s.substring(at, m.start()).replaceAll("(?i)\\band\\b", "").replaceAll("[\\s,]", "");
            if (!gap.isEmpty()) {
                throw bad(text, at);
            }
            out.append(m.group(1)).append(unit(m.group(2).toLowerCase()));
            at = m.end();
        }
        if (out.isEmpty() || !s.substring(at).isBlank()) {
            throw bad(text, at);
        }
        return Durations.parse(out.toString());
    }

    private static String unit(String w) {
        if (w.equals("ms") || w.startsWith("milli")) {
            return "ms";
        }
        return switch (w.charAt(0)) {
            case 's' -> "s";
            case 'm' -> "m";
            case 'h' -> "h";
            default -> "d";
        };
    }

    private static ThresholdSyntaxException bad(String text, int at) {
        return new ThresholdSyntaxException("malformed duration '" + text + "' (expected e.g. 30s, 5m, 5 minutes, 4 hours)", at + 1);
    }
}
