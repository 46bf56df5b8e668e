package io.carga.core.load;

import java.time.Duration;

/**
 * Parses human durations, as k6 and Locust write them.
 *
 * <pre>
 * duration := part+          e.g. 10s, 5m, 1h30m, 250ms, 1.5s, 2h
 * part     := number unit
 * number   := digits ['.' digits]
 * unit     := 'ms' | 's' | 'm' | 'h' | 'd'
 * </pre>
 * A bare number means seconds. Zero is allowed; negative values are not.
 */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String s = text.trim();
        if (s.matches("\\d+(\\.\\d+)?")) {
            return ofSeconds(Double.parseDouble(s), text);
        }
        long nanos = 0;
        int i = 0;
        boolean any = false;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (start == unitStart || unitStart == i) {
                throw bad(text);
            }
            double value;
            try {
                value = Double.parseDouble(s.substring(start, unitStart));
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            double unitNanos = switch (s.substring(unitStart, i)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                case "d" -> 86400e9;
                default -> throw bad(text);
            };
            nanos += Math.round(value * unitNanos);
            any = true;
        }
        if (!any) {
            throw bad(text);
        }
        return Duration.ofNanos(nanos);
    }

    private static Duration ofSeconds(double seconds, String text) {
        if (seconds < 0) {
            throw bad(text);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("malformed duration '" + text + "' (expected e.g. 30s, 5m, 1h30m, 250ms)");
    }

    /** The short form: 1h30m, 45s, 250ms. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long h = d.toHours();
        long m = d.toMinutesPart();
        double s = d.toSecondsPart() + d.toMillisPart() / 1000.0;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0 || sb.isEmpty()) {
            sb.append(s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)).append('s');
        }
        return sb.toString();
    }
}
