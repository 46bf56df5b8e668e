package io.carga.core.event;

import java.util.Map;

/**
 * One finished request, as a protocol client reports it. Immutable; every time is a
 * {@link System#nanoTime()} reading (or the engine clock's).
 *
 * <p>Latency is measured from {@code intendedStart} when the load model scheduled the request (open
 * models: no coordinated omission), and service time from {@code start}, the moment it was really sent.
 * When nothing was scheduled, {@code intendedStart == start}.
 *
 * @param name          statistics name (for HTTP {@code POST /api/v1/users/{id}})
 * @param type          protocol family ("http", "sql", "ai", "custom"); informational
 * @param tags          scope tags (model, tier…), part of the series identity
 * @param intendedStart when the schedule wanted the request to start
 * @param start         when it was actually sent
 * @param end           when it finished (last byte, error, or cut-off)
 * @param bytesSent     bytes written, headers included
 * @param bytesReceived bytes read, headers included
 * @param outcome       how it ended
 * @param error         a short reason when {@code outcome} is an error, else null
 * @param fields        protocol extras (tokens, cost, TTFT…), may be empty, never null
 */
public record RequestEvent(String name, String type, Tags tags, long intendedStart, long start, long end,
                           long bytesSent, long bytesReceived, Outcome outcome, String error,
                           Map<String, Double> fields) {

    public RequestEvent {
        if (tags == null) {
            tags = Tags.EMPTY;
        }
        if (fields == null) {
            fields = Map.of();
        }
        if (intendedStart == 0 || intendedStart > start) {
            intendedStart = start;
        }
    }

    /** A plain request with no tags, no schedule and no extras. */
    public static RequestEvent of(String name, String type, long start, long end, Outcome outcome, String error) {
        return new RequestEvent(name, type, Tags.EMPTY, start, start, end, 0, 0, outcome, error, Map.of());
    }

    /** Latency as a user felt it: from the intended start to the end, in nanoseconds. */
    public long latencyNanos() {
        return end - intendedStart;
    }

    /** Service time: from the actual send to the end, in nanoseconds. */
    public long serviceNanos() {
        return end - start;
    }
}
