package io.carga.cli.plan;

import io.carga.core.load.Rates;
import io.carga.core.threshold.Quantities;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the quantities the spec writes in prose, so its YAML works nearly verbatim:
 * {@code "Tests stop after 2 hours"}, {@code "Off-peak hours (2AM-6AM UTC-3)"},
 * {@code "100 requests/minute during testing"}, {@code "10 minutes, 50 users"}, {@code "2000/min"},
 * {@code "Max 5 test instances"}, {@code "100 concurrent users"}. Each method throws
 * IllegalArgumentException with what it expected.
 */
final class HumanText {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?\\s*(?:milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)\\b(?:\\s*(?:and\\s*)?\\d+(?:\\.\\d+)?\\s*(?:seconds?|s|minutes?|m|hours?|h)\\b)*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WINDOW = Pattern.compile(
            "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?\\s*[-–]\\s*(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?(?:\\s*\\(?\\s*(?:UTC|GMT)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIGGER = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*(?::(.*))?");
    // A time needs minutes or am/pm, so the 3 of "every 3 days" is not read as 03:00.
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "\\b(\\d{1,2})(?::(\\d{2})\\s*(am|pm)?|\\s*(am|pm))(?:\\s*(?:UTC|GMT)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:requests?|req|transactions?|tx|calls?)?\\s*(/|per\\s+)\\s*(s|sec|second|m|min|minute|h|hour)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern USERS = Pattern.compile("(\\d+)\\s*(?:concurrent\\s+)?(?:virtual\\s+)?users?\\b", Pattern.CASE_INSENSITIVE);

    private HumanText() {
    }

    /** {@code 5 minutes}, {@code 5m}, {@code Tests stop after 2 hours}. */
    static Duration duration(String text) {
        try {
            return Quantities.duration(text);
        } catch (IllegalArgumentException direct) {
            Matcher m = DURATION.matcher(text);
            if (m.find()) {
                return Quantities.duration(m.group(1));
            }
            throw new IllegalArgumentException("no duration in '" + text + "' (expected e.g. 5m, 5 minutes, 4 hours)");
        }
    }

    /** {@code 2AM-6AM UTC-3}, {@code 02:00-06:00 UTC-03:00}, {@code 22:00–04:00}. */
    static Plan.TimeWindow window(String text) {
        Matcher m = WINDOW.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no time window in '" + text + "' (expected e.g. 2AM-6AM UTC-3 or 02:00-06:00 UTC-3)");
        }
        LocalTime from = time(m.group(1), m.group(2), m.group(3));
        LocalTime to = time(m.group(4), m.group(5), m.group(6));
        return new Plan.TimeWindow(from, to, zone(m.group(7), m.group(8)));
    }

    /** {@code -3}, {@code +5} and {@code 30}: the offset; no hours: UTC. */
    private static ZoneOffset zone(String signedHours, String minutes) {
        if (signedHours == null) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(signedHours),
                (signedHours.startsWith("-") ? -1 : 1) * (minutes == null ? 0 : Integer.parseInt(minutes)));
    }

    /**
     * A pipeline trigger, {@code NAME: WHEN}: WHEN is a time of day ({@code 3:00 AM UTC-3}, {@code 23:30 UTC+5:30},
     * optionally after a weekday: {@code Sunday 3:00 AM UTC-3}), a merge ({@code on PR merge}, {@code on push to main})
     * or a person ({@code on demand}, {@code manual}). A bare {@code manual} is its own WHEN.
     */
    static Trigger trigger(String text) {
        Matcher m = TRIGGER.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a trigger is 'NAME: WHEN', e.g. \"daily: 3:00 AM UTC-3\", got '" + text + "'");
        }
        String name = m.group(1);
        String when = m.group(2) == null ? name : m.group(2).strip();
        Matcher at = TIME_OF_DAY.matcher(when);
        if (at.find()) {
            Matcher weekday = WEEKDAY.matcher(when);
            java.time.DayOfWeek day = weekday.find() ? weekday(weekday.group(1)) : null;
            if (day == null && (name + " " + when).toLowerCase().matches(".*\\b(weekly|monthly)\\b.*")) {
                throw new IllegalArgumentException("trigger '" + name + "' runs weekly or monthly but names no weekday"
                        + " (carga reads a daily time, or a weekday and a time: \"weekly: Sunday 3:00 AM UTC-3\")");
            }
            return new Trigger(name, text, Trigger.Event.SCHEDULE, day,
                    time(at.group(1), at.group(2), at.group(3) != null ? at.group(3) : at.group(4)), zone(at.group(5), at.group(6)));
        }
        String w = when.toLowerCase();
        if (w.matches(".*\\b(merge[ds]?|push(es)?|deploys?)\\b.*")) {
            return Trigger.merge(name, text);
        }
        if (w.matches(".*\\b(demand|manual(ly)?|dispatch)\\b.*")) {
            return Trigger.manual(name, text);
        }
        throw new IllegalArgumentException("cannot tell when trigger '" + name + "' fires from '" + when
                + "' (expected a time of day such as \"3:00 AM UTC-3\", \"on PR merge\" or \"on demand\")");
    }

    private static java.time.DayOfWeek weekday(String word) {
        String w = word.substring(0, 3).toLowerCase();
        return java.util.Arrays.stream(java.time.DayOfWeek.values()).filter(d -> d.name().toLowerCase().startsWith(w)).findFirst().orElseThrow();
    }

    private static LocalTime time(String h, String min, String ampm) {
        int hour = Integer.parseInt(h);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("hour " + hour + ampm + " does not exist");
            }
            hour = hour % 12 + (ampm.equalsIgnoreCase("pm") ? 12 : 0);
        }
        if (hour > 23) {
            throw new IllegalArgumentException("hour " + hour + " does not exist");
        }
        return LocalTime.of(hour, min == null ? 0 : Integer.parseInt(min));
    }

    /** A rate per second: {@code 2000/min}, {@code 100 requests/minute during testing}, {@code 500}. */
    static double ratePerSecond(String text) {
        String t = text.trim();
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(t);
        }
        try {
            return Rates.perSecond(t);
        } catch (IllegalArgumentException notShort) {
            Matcher m = RATE.matcher(t);
            if (!m.find()) {
                throw new IllegalArgumentException("no rate in '" + text + "' (expected e.g. 500, 100/s, 2000/min, 100 requests/minute)");
            }
            double n = Double.parseDouble(m.group(1));
            return switch (m.group(3).toLowerCase().charAt(0)) {
                case 'm' -> n / 60;
                case 'h' -> n / 3600;
                default -> n;
            };
        }
    }

    /** {@code 10 minutes, 50 users}: a run's length and users. */
    record Run(Duration duration, int users) {
    }

    static Run run(String text) {
        Matcher u = USERS.matcher(text);
        if (!u.find()) {
            throw new IllegalArgumentException("no users in '" + text + "' (expected e.g. \"10 minutes, 50 users\")");
        }
        String rest = text.substring(0, u.start()) + text.substring(u.end());
        return new Run(duration(rest.replace(",", " ").trim()), Integer.parseInt(u.group(1)));
    }

    /** {@code 100 concurrent users} or {@code 100}. */
    static int users(String text) {
        Matcher u = USERS.matcher(text);
        if (u.find()) {
            return Integer.parseInt(u.group(1));
        }
        return (int) firstNumber(text);
    }

    static double firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no number in '" + text + "'");
        }
        return Double.parseDouble(m.group(1));
    }
}
