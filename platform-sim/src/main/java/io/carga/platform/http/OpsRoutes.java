package io.carga.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.db.Sql;
import io.carga.platform.llm.FaultController;
import io.carga.platform.llm.FaultSettings;
import io.carga.platform.metrics.SimMetrics;

import java.io.ByteArrayOutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Operations: {@code /health}, {@code /metrics} (Prometheus text) and {@code /admin/faults} to change
 * injected provider faults while a test runs. The admin endpoint has no authentication: the simulator
 * listens on 127.0.0.1 by default and is a test target, not a production service.
 */
public final class OpsRoutes {
    private final Sql sql;
    private final SimMetrics metrics;
    private final FaultController faults;
    private final long startedAt = System.nanoTime();

    public OpsRoutes(Sql sql, SimMetrics metrics, FaultController faults) {
        this.sql = sql;
        this.metrics = metrics;
        this.faults = faults;
    }

    public void register(Router r) {
        r.route("GET", "/health", Router.Access.PUBLIC, this::health);
        r.route("GET", "/metrics", Router.Access.PUBLIC, this::metrics);
        r.route("GET", "/admin/faults", Router.Access.PUBLIC, ex -> ex.send(200, faultsJson(ex)));
        r.route("PUT", "/admin/faults", Router.Access.PUBLIC, this::putFaults);
        r.route("DELETE", "/admin/faults", Router.Access.PUBLIC, ex -> {
            faults.set(FaultSettings.NONE);
            ex.send(200, faultsJson(ex));
        });
    }

    private void health(Exchange ex) {
        ObjectNode out = ex.mapper().createObjectNode();
        boolean up;
        try {
            up = sql.query("health", c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (SQLException e) {
            up = false;
        }
        out.put("status", up ? "ok" : "degraded");
        out.put("database", up ? "up" : "down");
        out.put("uptime_seconds", (System.nanoTime() - startedAt) / 1_000_000_000L);
        ex.send(up ? 200 : 503, out);
    }

    private void metrics(Exchange ex) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(16 * 1024);
        metrics.write(buf);
        ex.response().status(200);
        ex.header("Content-Type", SimMetrics.contentType());
        ex.response().send(buf.toByteArray());
    }

    /** Partial update: fields left out keep their current value. */
    private void putFaults(Exchange ex) {
        JsonNode b = ex.json().node();
        FaultSettings cur = faults.get();
        Map<String, Double> perModel = new HashMap<>(cur.modelErrorRates());
        JsonNode m = b.path("model_error_rates");
        if (!m.isMissingNode()) {
            if (!m.isObject()) {
                throw ApiError.invalid("model_error_rates", "'model_error_rates' must be an object of model -> rate");
            }
            perModel.clear();
            m.fields().forEachRemaining(e -> perModel.put(e.getKey(), number(b.path("model_error_rates"), e.getKey(), 0)));
        }
        try {
            faults.set(new FaultSettings(number(b, "error_rate", cur.errorRate()), perModel,
                    (long) number(b, "extra_latency_ms", cur.extraLatencyMs()), (long) number(b, "stall_every_ms", cur.stallEveryMs()),
                    (long) number(b, "stall_for_ms", cur.stallForMs()), number(b, "slow_stream_factor", cur.slowStreamFactor())));
        } catch (IllegalArgumentException e) {
            // FaultSettings names its record components; answer with the JSON field the client sent.
            String field = e.getMessage().split(" ")[0].replaceAll("([A-Z])", "_$1").toLowerCase();
            throw ApiError.invalid(field, e.getMessage());
        }
        ex.send(200, faultsJson(ex));
    }

    private static double number(JsonNode b, String field, double fallback) {
        JsonNode v = b.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw ApiError.invalid(field, "'" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private ObjectNode faultsJson(Exchange ex) {
        FaultSettings f = faults.get();
        ObjectNode out = ex.mapper().createObjectNode();
        out.put("error_rate", f.errorRate());
        ObjectNode pm = out.putObject("model_error_rates");
        f.modelErrorRates().forEach(pm::put);
        out.put("extra_latency_ms", f.extraLatencyMs());
        out.put("stall_every_ms", f.stallEveryMs());
        out.put("stall_for_ms", f.stallForMs());
        out.put("slow_stream_factor", f.slowStreamFactor());
        return out;
    }
}
