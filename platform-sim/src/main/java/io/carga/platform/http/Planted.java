package io.carga.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes planted in a simulator run as a shadow candidate ({@code --candidate}), so a shadow run has a real
 * difference to find: one route's JSON answers carry a changed field, another route answers later. A simulator
 * without {@code --candidate} plants nothing.
 *
 * @param fieldRoute the route (its template) whose answers change, or null
 * @param field      the top-level field set in those answers
 * @param value      the value it is set to
 * @param slowRoute  the route (its template) that answers {@code extraMs} later, or null
 */
public record Planted(String fieldRoute, String field, String value, String slowRoute, long extraMs) {
    public static final Planted NONE = new Planted(null, null, null, null, 0);

    /**
     * The default candidate: {@code GET /api/v1/business/{id}} says {@code "status": "trial"} instead of the
     * stored status, and {@code GET /api/v1/business/{id}/generations} answers {@code extraMs} later.
     */
    public static Planted candidate(long extraMs) {
        return new Planted("/api/v1/business/{id}", "status", "trial", "/api/v1/business/{id}/generations", extraMs);
    }

    /** Called before the route's handler: the planted delay. */
    void before(String route) throws InterruptedException {
        if (extraMs > 0 && route.equals(slowRoute)) {
            Thread.sleep(extraMs);
        }
    }

    /** The answer body the route sends: with the planted field when it is that route's. */
    JsonNode answer(String route, JsonNode body) {
        if (field != null && route.equals(fieldRoute) && body instanceof ObjectNode o && o.has(field)) {
            ObjectNode changed = o.deepCopy();
            changed.put(field, value);
            return changed;
        }
        return body;
    }
}
