package io.carga.report.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the target's own latencies grew with load, from its scraped metrics ({@link TargetSamples}).
 * Between two scrapes each family's mean is {@code Δsum / Δcount}, at the users of the later scrape; the
 * windows at the run's lowest users are compared with those at its highest.
 *
 * <p>The target's HTTP latency is what its clients wait: it grows whenever anything under it does, so it is the
 * symptom (as the first of carga's requests to breach its SLA is). The bottleneck is the component under it,
 * database or AI, whose mean grew the most, by at least {@value #GROWTH}× and {@value #MIN_ADDED_MS} ms; when
 * none did, the HTTP layer itself (CPU, threads, its own queue).
 */
public final class Bottlenecks {
    static final double GROWTH = 1.5;
    static final double MIN_ADDED_MS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bottlenecks() {
    }

    /** What a family's name says it times: http, database, ai, or other. */
    static String kind(String family) {
        String f = family.toLowerCase(Locale.ROOT);
        if (f.contains("database") || f.contains("db_") || f.contains("query") || f.contains("sql")) {
            return "database";
        } else if (f.startsWith("ai_") || f.contains("llm") || f.contains("generation") || f.contains("_ai_")) {
            return "ai";
        } else if (f.contains("http") || f.contains("request")) {
            return "http";
        }
        return "other";
    }

    /** {@code bottlenecks} of summary.json's {@code scalability}, or null without scrapes. */
    public static ObjectNode of(List<TargetSamples.Sample> samples) {
        if (samples.size() < 3) {
            return null;
        }
        int low = Integer.MAX_VALUE;
        int high = 0;
        for (int i = 1; i < samples.size(); i++) {
            int u = samples.get(i).users();
            if (u > 0) {
                low = Math.min(low, u);
                high = Math.max(high, u);
            }
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("scrapes", samples.size());
        if (high <= low) {
            n.put("found", "the load did not change while the target was scraped: ramp the users to see what grows");
            return n;
        }
        n.put("low_users", low).put("high_users", high);
        Map<String, double[]> lowSums = window(samples, low);
        Map<String, double[]> highSums = window(samples, high);
        ObjectNode fam = n.putObject("families");
        String worst = null;
        double worstAdded = 0;
        for (Map.Entry<String, double[]> e : highSums.entrySet()) {
            double[] l = lowSums.get(e.getKey());
            double[] h = e.getValue();
            if (l == null || l[1] <= 0 || h[1] <= 0) {
                continue;
            }
            double lowMs = 1000 * l[0] / l[1];
            double highMs = 1000 * h[0] / h[1];
            double growth = lowMs <= 0 ? Double.POSITIVE_INFINITY : highMs / lowMs;
            String kind = kind(e.getKey());
            fam.putObject(e.getKey()).put("kind", kind).put("low_ms", r(lowMs)).put("high_ms", r(highMs))
                    .put("growth", Double.isInfinite(growth) ? 0 : r(growth)).put("added_ms", r(highMs - lowMs));
            boolean component = kind.equals("database") || kind.equals("ai");
            if (component && growth >= GROWTH && highMs - lowMs >= MIN_ADDED_MS && highMs - lowMs > worstAdded) {
                worst = e.getKey();
                worstAdded = highMs - lowMs;
            }
        }
        if (worst != null) {
            var w = fam.get(worst);
            n.put("bottleneck", w.path("kind").asText()).put("bottleneck_metric", worst);
            n.put("found", String.format(Locale.ROOT, "%s: %s went from %.1f ms at %d users to %.1f ms at %d (×%.1f); the target's HTTP "
                    + "latency grew with it: that, and the first client request over its SLA, is the symptom", w.path("kind").asText(), worst,
                    w.path("low_ms").asDouble(), low, w.path("high_ms").asDouble(), high, w.path("growth").asDouble()));
        } else {
            n.putNull("bottleneck");
            n.put("found", "no database or AI latency of the target grew with load (by ×" + GROWTH + " and " + (int) MIN_ADDED_MS
                    + " ms): what grew is the HTTP layer itself, or nothing did");
        }
        return n;
    }

    /** Σ Δsum and Σ Δcount per family over the windows ending at {@code users}. */
    private static Map<String, double[]> window(List<TargetSamples.Sample> samples, int users) {
        Map<String, double[]> out = new TreeMap<>();
        for (int i = 1; i < samples.size(); i++) {
            TargetSamples.Sample prev = samples.get(i - 1);
            TargetSamples.Sample cur = samples.get(i);
            if (cur.users() != users || prev.users() != users) {
                continue; // a window across a change of load belongs to neither level
            }
            cur.families().forEach((f, v) -> {
                double[] p = prev.families().get(f);
                if (p != null && v[1] >= p[1]) {
                    double[] acc = out.computeIfAbsent(f, k -> new double[2]);
                    acc[0] += v[0] - p[0];
                    acc[1] += v[1] - p[1];
                }
            });
        }
        return out;
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
