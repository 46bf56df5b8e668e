package io.carga.cli.plan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * One of the pipeline's triggers, read from the spec's prose ({@link HumanText#trigger}):
 * {@code "daily: 3:00 AM UTC-3"} is a {@link Event#SCHEDULE} at 03:00 UTC-3 every day,
 * {@code "pre_deploy: on PR merge"} a {@link Event#MERGE}, {@code "manual: on demand"} a {@link Event#MANUAL}.
 * The name (before the colon) is what stages list in their {@code triggers:} and what
 * {@code carga pipeline --trigger} takes.
 *
 * @param text the plan's text, for messages
 * @param day  with a schedule: the day of the week, or null for every day
 * @param time with a schedule: the local time of day at {@code zone}
 */
public record Trigger(String name, String text, Event event, DayOfWeek day, LocalTime time, ZoneOffset zone) {
    /** What fires a trigger. */
    public enum Event {
        /** A time of day (and maybe a weekday): cron in CI. */
        SCHEDULE,
        /** A merge into the main branch (a push to it). */
        MERGE,
        /** A person asking for it. */
        MANUAL
    }

    static Trigger merge(String name, String text) {
        return new Trigger(name, text, Event.MERGE, null, null, null);
    }

    static Trigger manual(String name, String text) {
        return new Trigger(name, text, Event.MANUAL, null, null, null);
    }

    /**
     * The schedule as a cron line in UTC, which GitHub Actions (and most CI) read cron in: 03:00 UTC-3 is
     * {@code 0 6 * * *}; a time that crosses midnight in the conversion moves the weekday with it.
     */
    public String cron() {
        if (event != Event.SCHEDULE) {
            throw new IllegalStateException(name + " is not a schedule");
        }
        int minutes = time.getHour() * 60 + time.getMinute() - zone.getTotalSeconds() / 60;
        int dayShift = Math.floorDiv(minutes, 24 * 60);
        int utc = Math.floorMod(minutes, 24 * 60);
        String weekday = day == null ? "*" : String.valueOf(day.plus(dayShift).getValue() % 7); // cron: 0 is Sunday
        return (utc % 60) + " " + (utc / 60) + " * * " + weekday;
    }
}
