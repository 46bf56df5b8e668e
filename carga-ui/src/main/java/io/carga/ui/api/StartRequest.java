package io.carga.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.Durations;
import io.carga.core.load.LoadModel;
import io.carga.core.load.OpenModel;
import io.carga.core.load.Rates;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * What {@code POST /api/v1/run} asks for: a closed model ({@code users}, {@code spawn_rate}) or an open one
 * ({@code rate}, {@code max_users}), a {@code duration} (none: until stopped) and a {@code target}.
 *
 * @param duration null to run until stopped (the maximum duration still applies)
 * @param target   null for the server's default target
 */
public record StartRequest(Integer users, double spawnRate, Double rate, int maxUsers, Duration duration, String target) {
    private static final Set<String> FIELDS = Set.of("users", "spawn_rate", "rate", "max_users", "duration", "target");
    /** Locust's default spawn rate is one user a second; carga's form starts faster, at ten. */
    static final double DEFAULT_SPAWN_RATE = 10;
    static final int DEFAULT_MAX_USERS = 1000;

    /** Reads and checks a request body; every refusal is one line naming the field. */
    public static StartRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.bad("the body must be a JSON object, e.g. {\"users\": 10, \"spawn_rate\": 5, \"duration\": \"1m\"}");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiError.bad("unknown field '" + f + "' (expected " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        boolean closed = present(body, "users");
        boolean open = present(body, "rate");
        if (closed == open) {
            throw ApiError.bad(closed ? "give either users (closed model) or rate (open model), not both"
                    : "give users (closed model) or rate (open model)");
        }
        Duration duration = null;
        if (present(body, "duration") && !body.get("duration").asText().isBlank()) {
            try {
                duration = Durations.parse(body.get("duration").asText());
            } catch (IllegalArgumentException e) {
                throw ApiError.bad("duration: " + e.getMessage());
            }
            if (duration.isZero()) {
                throw ApiError.bad("duration: must be longer than 0s (leave it out to run until stopped)");
            }
        }
        String target = present(body, "target") && !body.get("target").asText().isBlank() ? body.get("target").asText().strip() : null;
        if (target != null && !target.matches("https?://.+")) {
            throw ApiError.bad("target: expected an http:// or https:// URL, got '" + target + "'");
        }
        if (closed) {
            if (present(body, "max_users")) {
                throw ApiError.bad("max_users belongs to an open model (rate); a closed model has users");
            }
            int users = integer(body, "users", 1);
            double spawn = present(body, "spawn_rate") ? number(body, "spawn_rate") : DEFAULT_SPAWN_RATE;
            if (!(spawn > 0)) {
                throw ApiError.bad("spawn_rate: must be above 0 users/s, got " + body.get("spawn_rate"));
            }
            return new StartRequest(users, spawn, null, 0, duration, target);
        }
        if (present(body, "spawn_rate")) {
            throw ApiError.bad("spawn_rate belongs to a closed model (users); an open model has rate and max_users");
        }
        return new StartRequest(null, 0, rate(body.get("rate")), present(body, "max_users") ? integer(body, "max_users", 1)
                : DEFAULT_MAX_USERS, duration, target);
    }

    /** {@code "20/s"}, {@code "600/m"} or a number of iterations per second, above 0. */
    static double rate(JsonNode n) {
        double r;
        try {
            r = n.isNumber() ? n.asDouble() : Rates.perSecond(n.asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.bad("rate: " + e.getMessage());
        }
        if (!(r > 0) || Double.isInfinite(r)) {
            throw ApiError.bad("rate: must be above 0/s, got " + n);
        }
        return r;
    }

    /** The load model, with {@code untilStopped} as the length of a run without a duration. */
    public LoadModel model(Duration untilStopped) {
        Duration d = duration != null ? duration : untilStopped;
        return users != null ? ClosedModel.of(users, spawnRate, d) : OpenModel.constant(rate, d, maxUsers);
    }

    private static boolean present(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull();
    }

    static int integer(JsonNode body, String field, int min) {
        JsonNode n = body.get(field);
        if (!n.isIntegralNumber() && !(n.isTextual() && n.asText().strip().matches("-?\\d+"))) {
            throw ApiError.bad(field + ": expected a whole number, got " + n);
        }
        long v = n.isIntegralNumber() ? n.asLong() : Long.parseLong(n.asText().strip());
        if (v < min) {
            throw ApiError.bad(field + ": must be at least " + min + ", got " + v);
        }
        if (v > 10_000_000) {
            throw ApiError.bad(field + ": at most 10,000,000, got " + v);
        }
        return (int) v;
    }

    private static double number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText().strip());
        } catch (NumberFormatException e) {
            throw ApiError.bad(field + ": expected a number, got " + n);
        }
    }
}
