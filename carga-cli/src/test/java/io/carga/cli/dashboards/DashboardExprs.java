package io.carga.cli.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.observe.dashboards.Dashboards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every panel target's PromQL of carga's dashboard resources, and Grafana's variables filled in. */
final class DashboardExprs {
    record Expr(String file, String dashboard, int panel, String panelTitle, String refId, String promql) {
        String where() {
            return dashboard + " / #" + panel + " " + panelTitle + " / " + refId;
        }
    }

    /** The only variables the dashboards may use. */
    static final List<String> VARIABLES = List.of("$run_id", "$__rate_interval", "$__interval", "$__range");

    private DashboardExprs() {
    }

    static JsonNode read(String file) throws Exception {
        return new ObjectMapper().readTree(Dashboards.resource(file));
    }

    static List<Expr> all() throws Exception {
        List<Expr> out = new ArrayList<>();
        for (String file : Dashboards.FILES) {
            JsonNode d = read(file);
            for (JsonNode p : d.path("panels")) {
                for (JsonNode t : p.path("targets")) {
                    out.add(new Expr(file, d.path("title").asText(), p.path("id").asInt(), p.path("title").asText(),
                            t.path("refId").asText(), t.path("expr").asText()));
                }
            }
        }
        return out;
    }

    /** {@code promql} as Grafana would send it with these values (run_id is a regex: it sits in =~). */
    static String fill(String promql, String runId, String rateInterval, String interval, String range) {
        String s = promql;
        for (Map.Entry<String, String> e : Map.of("$__rate_interval", rateInterval, "$__interval", interval, "$__range", range,
                "$run_id", runId).entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }
}
