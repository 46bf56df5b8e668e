package io.carga.ui.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.ai.AiFields;
import io.carga.ai.budget.Budget;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.core.threshold.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The body of {@code GET /api/v1/stats}: the requests table, failures, the AI panel, thresholds and alerts. */
final class StatsJson {
    private final RunAggregate a;
    private final WindowStats window;
    private final double[] percentiles;
    private final double elapsed;

    StatsJson(RunAggregate a, WindowStats window, double[] percentiles, double elapsedSeconds) {
        this.a = a;
        this.window = window;
        this.percentiles = percentiles;
        this.elapsed = elapsedSeconds;
    }

    ObjectNode build(List<Verdict> verdicts, List<String> alerts, List<String> firing, Map<String, String> properties) {
        ObjectNode n = LiveRun.JSON.createObjectNode();
        n.put("elapsed_s", LiveRun.round(elapsed));
        n.put("window_s", LiveRun.round(window.covered()));
        ArrayNode p = n.putArray("percentiles");
        for (double v : percentiles) {
            p.add(v);
        }
        Map<String, WindowStats.Figures> win = window.figures();
        ArrayNode rows = n.putArray("requests");
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            String label = e.getKey().label();
            rows.add(row(label, e.getValue(), win.get(label)));
        }
        n.set("total", row("all requests", a.total(), win.get("")));
        n.set("failures", failures());
        n.set("ai", ai(properties));
        n.set("thresholds", thresholds(verdicts));
        ArrayNode al = n.putArray("alerts");
        for (String name : alerts) {
            al.addObject().put("name", name).put("firing", firing.contains(name));
        }
        return n;
    }

    private ObjectNode row(String name, SeriesTotals t, WindowStats.Figures w) {
        ObjectNode r = LiveRun.JSON.createObjectNode();
        r.put("name", name);
        double seconds = Math.max(1e-3, a.durationSeconds());
        r.put("count", t.count());
        r.put("failures", t.errors());
        r.put("rps", LiveRun.round(t.count() / seconds));
        r.put("fps", LiveRun.round(t.errors() / seconds));
        r.set("latency_ms", latency(t.latency()));
        ObjectNode wn = r.putObject("window");
        wn.put("count", w == null ? 0 : w.count());
        wn.put("failures", w == null ? 0 : w.failures());
        wn.put("rps", w == null ? 0 : LiveRun.round(w.rps()));
        wn.set("latency_ms", latency(w == null ? null : w.latency()));
        return r;
    }

    /** {@code {"p50": .., "p95": .., "max": ..}} in milliseconds; nulls without requests. */
    private ObjectNode latency(Histogram h) {
        ObjectNode l = LiveRun.JSON.createObjectNode();
        boolean none = h == null || h.getTotalCount() == 0;
        for (double p : percentiles) {
            String key = "p" + label(p);
            if (none) {
                l.putNull(key);
            } else {
                l.put(key, LiveRun.round(Histograms.ms(h.getValueAtPercentile(p))));
            }
        }
        if (none) {
            l.putNull("max");
        } else {
            l.put("max", LiveRun.round(Histograms.ms(h.getMaxValue())));
        }
        return l;
    }

    /** 95 → "95", 99.9 → "99.9". */
    static String label(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.valueOf(p);
    }

    private ArrayNode failures() {
        ArrayNode f = LiveRun.array();
        a.requests().forEach((k, t) -> t.failures().forEach((reason, count) ->
                f.addObject().put("request", k.label()).put("reason", reason).put("count", count)));
        return f;
    }

    /** Per model: requests, TTFT, output tokens per second, cost; and the budget used against its cap. */
    private ObjectNode ai(Map<String, String> properties) {
        Map<String, double[]> models = new TreeMap<>(); // requests, output tokens, cost
        a.requests().forEach((k, t) -> {
            Map<String, Double> f = t.fieldSums();
            double n = f.getOrDefault(AiFields.AI_REQUESTS, 0.0);
            if (n > 0) {
                double[] m = models.computeIfAbsent(model(k), x -> new double[3]);
                m[0] += n;
                m[1] += f.getOrDefault(AiFields.OUTPUT_TOKENS, 0.0);
                m[2] += f.getOrDefault(AiFields.COST, 0.0);
            }
        });
        ObjectNode ai = LiveRun.JSON.createObjectNode();
        ai.put("currency", "BRL"); // the AI client prices in reais
        double seconds = Math.max(1e-3, a.durationSeconds());
        double cost = 0;
        ArrayNode rows = ai.putArray("models");
        for (Map.Entry<String, double[]> e : models.entrySet()) {
            double[] m = e.getValue();
            cost += m[2];
            ObjectNode r = rows.addObject();
            r.put("model", e.getKey());
            r.put("requests", (long) m[0]);
            r.put("output_tokens", (long) m[1]);
            r.put("tokens_per_s", LiveRun.round(m[1] / seconds));
            r.put("cost", m[2]);
            r.set("ttft_ms", latency(ttft(e.getKey())));
        }
        ai.put("cost", cost);
        Budget budget = budget(properties);
        if (budget == null || Double.isNaN(budget.perTestBrl())) {
            ai.putNull("budget");
        } else {
            ai.putObject("budget").put("cap", budget.perTestBrl()).put("used", cost)
                    .put("share", LiveRun.round(cost / budget.perTestBrl()));
        }
        return ai;
    }

    private Histogram ttft(String model) {
        Histogram h = Histograms.newHistogram();
        a.timings().forEach((k, t) -> {
            if (k.name().equals(AiFields.TTFT) && model(k).equals(model)) {
                h.add(t);
            }
        });
        return h;
    }

    private static String model(SeriesKey k) {
        String m = k.tags().get(AiFields.MODEL);
        return m == null ? "unknown" : m;
    }

    /** The per-test cap in reais, or null; a budget the AI module refuses is its problem, not the page's. */
    private static Budget budget(Map<String, String> properties) {
        try {
            return Budget.fromProperties(properties, "BRL", 1.0);
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    private static ArrayNode thresholds(List<Verdict> verdicts) {
        ArrayNode th = LiveRun.array();
        for (Verdict v : verdicts) {
            var e = v.threshold().expression();
            th.addObject().put("group", v.threshold().group()).put("name", v.threshold().name())
                    .put("expression", e.label())
                    .put("status", v.status().name().toLowerCase(Locale.ROOT))
                    .put("measured", Double.isNaN(v.measured()) ? null : v.measuredLabel())
                    .put("limit", e.op().symbol() + " " + e.limitLabel());
        }
        return th;
    }
}
