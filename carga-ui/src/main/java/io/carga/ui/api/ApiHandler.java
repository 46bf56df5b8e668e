package io.carga.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.carga.core.load.LoadChange;
import io.carga.ui.live.LiveRun;
import io.carga.ui.live.RunSlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1}: the JSON API the page uses, and scripts and CI with it (this module's README lists it).
 * A state-changing call must say {@code Content-Type: application/json}: a page on another origin cannot
 * send that without the browser asking first (CORS preflight), and this server never allows it, so no
 * other site can drive a run from a visitor's browser. With a token, the server's filter wants it too.
 */
public final class ApiHandler implements HttpHandler {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] DEFAULT_PERCENTILES = {50, 95, 99};
    private final RunSlot slot;
    private final Supplier<RunStarter> starter;
    private final Downloads downloads;

    public ApiHandler(RunSlot slot, Supplier<RunStarter> starter) {
        this.slot = slot;
        this.starter = starter;
        this.downloads = new Downloads(slot);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            try {
                if (path.startsWith("/api/v1/download/")) {
                    only(method, "GET");
                    downloads.send(ex, path.substring("/api/v1/download/".length()));
                    return;
                }
                ObjectNode body = switch (path) {
                    case "/api/v1/run" -> switch (method) {
                        case "GET" -> run();
                        case "POST" -> start(json(ex));
                        case "PATCH" -> change(json(ex));
                        default -> throw new ApiError(405, method + " " + path + ": use GET, POST or PATCH");
                    };
                    case "/api/v1/run/stop" -> {
                        only(method, "POST");
                        json(ex);
                        yield stop();
                    }
                    case "/api/v1/stats" -> {
                        only(method, "GET");
                        yield stats(query(ex));
                    }
                    case "/api/v1/history" -> {
                        only(method, "GET");
                        yield history(query(ex));
                    }
                    default -> throw new ApiError(404, "no such endpoint: " + path);
                };
                send(ex, 200, body);
            } catch (ApiError e) {
                send(ex, e.status(), error(e.getMessage()));
            }
        }
    }

    private ObjectNode run() {
        LiveRun r = slot.current();
        ObjectNode n = r == null ? JSON.createObjectNode().put("state", "idle") : r.stateJson();
        RunStarter s = starter.get();
        n.put("can_start", s != null && (r == null || r.ended()));
        if (s != null) {
            n.set("defaults", s.defaults());
            if (r == null) {
                n.put("scenario", s.scenario());
            }
        }
        return n;
    }

    private ObjectNode start(JsonNode body) {
        RunStarter s = starter.get();
        if (s == null) {
            throw ApiError.bad("this server watches a run started from the command line; 'carga ui' starts runs");
        }
        StartRequest req = StartRequest.parse(body);
        LiveRun previous = slot.current();
        LiveRun r = slot.reserve();
        if (r == null) {
            throw ApiError.bad("a run is already going: stop it first (POST /api/v1/run/stop)");
        }
        try {
            s.start(req, r);
        } catch (ApiError | IllegalArgumentException e) {
            slot.release(r, previous);
            throw e instanceof ApiError a ? a : ApiError.bad(e.getMessage());
        }
        return r.stateJson();
    }

    private ObjectNode change(JsonNode body) {
        LiveRun r = going();
        if (!body.isObject()) {
            throw ApiError.bad("the body must be a JSON object: {\"users\": N} or {\"rate\": \"R/s\"}");
        }
        boolean users = body.has("users");
        boolean rate = body.has("rate");
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("users") && !f.equals("rate") && !f.equals("spawn_rate")) {
                throw ApiError.bad("unknown field '" + f + "' (expected users and spawn_rate, or rate)");
            }
        });
        if (users == rate) {
            throw ApiError.bad(users ? "give users or rate, not both" : "give {\"users\": N} or {\"rate\": \"R/s\"}");
        }
        LoadChange c;
        try {
            if (users) {
                JsonNode n = body.get("users");
                if (!n.isIntegralNumber()) {
                    throw ApiError.bad("users: expected a whole number, got " + n);
                }
                double spawn = body.has("spawn_rate") ? body.get("spawn_rate").asDouble(Double.NaN) : 0;
                if (body.has("spawn_rate") && !(spawn > 0)) {
                    throw ApiError.bad("spawn_rate: must be above 0 users/s, got " + body.get("spawn_rate"));
                }
                c = r.changeUsers((int) Math.max(Integer.MIN_VALUE, Math.min(10_000_000, n.asLong())), spawn, "ui");
            } else {
                if (body.has("spawn_rate")) {
                    throw ApiError.bad("spawn_rate goes with users, not with rate");
                }
                c = r.changeRate(StartRequest.rate(body.get("rate")), "ui");
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.bad(e.getMessage());
        }
        ObjectNode n = JSON.createObjectNode();
        n.set("change", io.carga.report.results.RunMeta.loadChangesJson(java.util.List.of(c)).get(0));
        n.set("run", r.stateJson());
        return n;
    }

    private ObjectNode stop() {
        LiveRun r = going();
        try {
            r.stop("web UI");
        } catch (IllegalArgumentException e) {
            throw ApiError.bad(e.getMessage());
        }
        return r.stateJson();
    }

    private LiveRun going() {
        LiveRun r = slot.current();
        if (r == null || r.ended()) {
            throw ApiError.bad("no run is going");
        }
        return r;
    }

    private ObjectNode stats(Map<String, String> q) {
        double[] percentiles = percentiles(q.get("percentiles"));
        LiveRun r = slot.current();
        return (r == null ? new LiveRun("none") : r).statsJson(percentiles);
    }

    private ObjectNode history(Map<String, String> q) {
        int since;
        try {
            since = Integer.parseInt(q.getOrDefault("since", "0"));
        } catch (NumberFormatException e) {
            throw ApiError.bad("since: expected a whole number, got '" + q.get("since") + "'");
        }
        LiveRun r = slot.current();
        return (r == null ? new LiveRun("none") : r).historyJson(q.get("request"), since);
    }

    /** {@code 50,95,99.9}: up to eight, each above 0 and at most 100. */
    static double[] percentiles(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PERCENTILES;
        }
        String[] parts = text.split(",");
        if (parts.length > 8) {
            throw ApiError.bad("percentiles: at most 8, got " + parts.length);
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiError.bad("percentiles: '" + parts[i].strip() + "' is not a number");
            }
            if (!(out[i] > 0 && out[i] <= 100)) {
                throw ApiError.bad("percentiles: each must be above 0 and at most 100, got " + parts[i].strip());
            }
        }
        return out;
    }

    private static void only(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiError(405, "use " + allowed);
        }
    }

    /** The body of a state-changing call: JSON, said so in its content type. */
    private static JsonNode json(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            throw new ApiError(415, "a call that changes the run needs 'Content-Type: application/json'");
        }
        byte[] bytes = ex.getRequestBody().readNBytes(64 * 1024);
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.bad("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                String k = java.net.URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                q.put(k, eq < 0 ? "" : java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
