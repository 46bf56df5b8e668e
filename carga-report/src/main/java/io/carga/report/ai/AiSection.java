package io.carga.report.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.cost.CostProjection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The {@code ai} and {@code cost} objects of summary.json and the console's AI section, rebuilt from the run
 * aggregate alone (so a report rebuilt from the results log has them too). It reads what carga-ai's client
 * reports: AI series carry the {@code ai_requests} field and a {@code model} tag; TTFT, ITL, TPOT, quality
 * and switch latency are timings tagged by model; the cost configuration comes as {@code ai_cfg_*} gauges.
 * All money is R$. The monthly projection is {@link CostProjection}'s, the one definition the report uses too.
 */
public final class AiSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AiSection() {
    }

    /** Per-model sums. */
    private static final class Model {
        final Histogram latency = Histograms.newHistogram();
        final Map<String, Double> f = new TreeMap<>();
        long count;
        long errors;

        double f(String k) {
            return f.getOrDefault(k, 0.0);
        }
    }

    private static Map<String, Model> models(RunAggregate a) {
        Map<String, Model> m = new TreeMap<>();
        a.requests().forEach((k, t) -> {
            if (t.fieldSums().containsKey("ai_requests")) {
                Model x = m.computeIfAbsent(String.valueOf(k.tags().get("model")), n -> new Model());
                x.latency.add(t.latency());
                x.count += t.count();
                x.errors += t.errors();
                t.fieldSums().forEach((f, v) -> x.f.merge(f, v, Double::sum));
            }
        });
        return m;
    }

    /** Adds {@code ai} and {@code cost} to {@code root} when the run made AI requests. */
    public static void addTo(ObjectNode root, RunAggregate a, String stopCause) {
        Map<String, Model> models = models(a);
        if (models.isEmpty()) {
            return;
        }
        Model all = new Model();
        ObjectNode ai = root.putObject("ai");
        ObjectNode per = ai.putObject("models");
        models.forEach((name, m) -> {
            per.set(name, model(a, name, m));
            all.latency.add(m.latency);
            all.count += m.count;
            all.errors += m.errors;
            m.f.forEach((k, v) -> all.f.merge(k, v, Double::sum));
        });
        ai.set("overall", model(a, null, all));
        double seconds = Math.max(1e-9, a.durationSeconds());
        ai.put("goodput_rps", r(all.f("goodput") / seconds));
        ai.put("tokens_estimated_requests", (long) all.f("tokens_estimated"));
        ai.put("rate_limit_delay_ms_mean", all.count == 0 ? 0 : r(all.f("rate_delay_ms") / all.count));
        ObjectNode bands = loadBands(a);
        if (bands != null) {
            ai.set("load_bands", bands);
        }
        root.set("cost", cost(a, all, stopCause));
    }

    /**
     * The spec's performance/cost matrix (section 9.2), measured: per live-users band ({@code load_band} tag, set
     * when routing by load) and model, the requests, errors, latency p50/p95, AI cost and mean quality; null
     * when no request carries a band.
     */
    private static ObjectNode loadBands(RunAggregate a) {
        Map<String, Map<String, Model>> by = new TreeMap<>();
        a.requests().forEach((k, t) -> {
            Object band = k.tags().get("load_band");
            if (band != null && t.fieldSums().containsKey("ai_requests")) {
                Model x = by.computeIfAbsent(band.toString(), b -> new TreeMap<>())
                        .computeIfAbsent(String.valueOf(k.tags().get("model")), n -> new Model());
                x.latency.add(t.latency());
                x.count += t.count();
                x.errors += t.errors();
                t.fieldSums().forEach((f, v) -> x.f.merge(f, v, Double::sum));
            }
        });
        if (by.isEmpty()) {
            return null;
        }
        ObjectNode n = JSON.createObjectNode();
        by.forEach((band, models) -> {
            ObjectNode b = n.putObject(band);
            long total = models.values().stream().mapToLong(m -> m.count).sum();
            models.forEach((name, m) -> b.putObject(name).put("count", m.count).put("share", r((double) m.count / total))
                    .put("errors", m.errors).put("latency_p50_ms", p(m.latency, 50)).put("latency_p95_ms", p(m.latency, 95))
                    .put("cost_brl", r6(m.f("cost"))).put("cost_per_request_brl", m.count == 0 ? 0 : r6(m.f("cost") / m.count))
                    .put("quality_mean", m.f("quality_n") == 0 ? 0 : r(m.f("quality_sum") / m.f("quality_n"))));
        });
        return n;
    }

    private static ObjectNode model(RunAggregate a, String model, Model m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("count", m.count);
        n.put("errors", m.errors);
        n.put("error_rate", m.count == 0 ? 0 : r((double) m.errors / m.count));
        n.set("latency_ms", pct(m.latency, 1));
        n.set("ttft_ms", pct(timing(a, "ai_ttft", model), 1));
        n.set("itl_ms", pct(timing(a, "ai_itl", model), 1));
        n.set("tpot_ms", pct(timing(a, "ai_tpot", model), 1));
        ObjectNode tok = n.putObject("tokens");
        tok.put("input", (long) m.f("input_tokens"));
        tok.put("output", (long) m.f("output_tokens"));
        tok.put("estimated_requests", (long) m.f("tokens_estimated"));
        n.put("output_tokens_per_s", m.f("gen_ms") <= 0 ? 0 : r(m.f("output_tokens") / (m.f("gen_ms") / 1000)));
        n.put("cost_brl", r6(m.f("cost")));
        n.put("cost_per_request_brl", m.count == 0 ? 0 : r6(m.f("cost") / m.count));
        ObjectNode q = n.putObject("quality");
        double qn = m.f("quality_n");
        q.put("scored", (long) qn);
        q.put("mean", qn == 0 ? 0 : r(m.f("quality_sum") / qn));
        q.put("pass_rate", qn == 0 ? 0 : r(m.f("quality_pass") / qn));
        q.set("distribution", pct(timing(a, "ai_quality", model), 1));
        ObjectNode byLoad = q.putObject("by_load");
        Map<String, Histogram> loads = new TreeMap<>();
        a.timings().forEach((k, h) -> {
            if (k.name().equals("ai_quality") && (model == null || model.equals(k.tags().get("model")))) {
                loads.computeIfAbsent(String.valueOf(k.tags().get("load")), x -> Histograms.newHistogram()).add(h);
            }
        });
        loads.forEach((l, h) -> byLoad.putObject(l).put("scored", h.getTotalCount()).put("mean", r(Histograms.ms(h.getMean()))));
        Histogram sw = timing(a, "ai_switch_latency", model);
        ObjectNode s = n.putObject("model_switch");
        s.put("switches", (long) m.f("model_switches"));
        s.put("latency_p50_ms", sw.getTotalCount() == 0 ? 0 : r(Histograms.ms(sw.getValueAtPercentile(50))));
        s.put("penalty_p50_ms", sw.getTotalCount() == 0 || m.latency.getTotalCount() == 0 ? 0
                : r(Histograms.ms(sw.getValueAtPercentile(50)) - Histograms.ms(m.latency.getValueAtPercentile(50))));
        return n;
    }

    private static ObjectNode cost(RunAggregate a, Model all, String stopCause) {
        ObjectNode c = JSON.createObjectNode();
        c.put("currency", "BRL");
        double aiCost = all.f("cost");
        double hours = a.durationSeconds() / 3600;
        double hourly = gauge(a, "ai_cfg_infra_hourly_brl", 0);
        double instances = gauge(a, "ai_cfg_infra_instances", 1);
        double infra = hourly * instances * hours;
        long ok = all.count - all.errors;
        double tokens = all.f("input_tokens") + all.f("output_tokens");
        double userHours = CostProjection.userHours(a);
        double perUserHour = userHours <= 0 ? 0 : aiCost / userHours;
        c.put("ai_brl", r6(aiCost));
        c.put("infrastructure_brl", r6(infra));
        c.put("total_brl", r6(aiCost + infra));
        c.put("per_request_brl", all.count == 0 ? 0 : r6(aiCost / all.count));
        c.put("per_successful_interaction_brl", ok == 0 ? 0 : r6(aiCost / ok));
        c.put("per_1m_tokens_brl", tokens == 0 ? 0 : r6(aiCost / tokens * 1e6));
        c.put("user_hours", r6(userHours));
        c.put("ai_per_user_hour_brl", r6(perUserHour));
        c.put("unpriced_requests", (long) all.f("cost_unpriced"));
        c.set("projection_monthly_brl", CostProjection.monthly(perUserHour, hourly, instances, a.usersPeak(), "R$"));
        ObjectNode b = c.putObject("budget");
        double perTest = gauge(a, "ai_cfg_budget_test_brl", Double.NaN);
        double perHour = gauge(a, "ai_cfg_budget_hour_brl", Double.NaN);
        if (!Double.isNaN(perTest)) {
            b.put("per_test_brl", perTest);
        }
        if (!Double.isNaN(perHour)) {
            b.put("per_hour_brl", perHour);
        }
        double perDay = gauge(a, "ai_cfg_budget_day_brl", Double.NaN);
        double daySpent = gauge(a, "ai_cfg_budget_day_spent_brl", 0);
        if (!Double.isNaN(perDay)) {
            b.put("per_day_brl", perDay);
            b.put("day_spent_before_brl", r6(daySpent));
        }
        double hourPeak = gauge(a, "ai_budget_hour_peak_brl", Double.NaN);
        double ramp = gauge(a, "ai_budget_ramp_factor", 1.0);
        if (!Double.isNaN(perHour) && !Double.isNaN(hourPeak)) {
            b.put("hour_peak_brl", r6(hourPeak));
        }
        if (ramp < 1.0) {
            b.put("ramp_factor", ramp);
        }
        b.put("status", budgetStatus(stopCause, Math.max(Math.max(share(aiCost, perTest), share(hourPeak, perHour)),
                share(daySpent + aiCost, perDay)), ramp, !Double.isNaN(perTest) || !Double.isNaN(perHour) || !Double.isNaN(perDay)));
        return c;
    }

    /** stopped, ramping_down, exceeded, alert (80 % of a limit, the guard's alert line), ok or no_budget. */
    private static String budgetStatus(String stopCause, double share, double rampFactor, boolean anyLimit) {
        if (stopCause != null && stopCause.startsWith("stopped by budget")) {
            return "stopped";
        } else if (rampFactor < 1.0) {
            return "ramping_down";
        } else if (share >= 1.0) {
            return "exceeded";
        } else if (share >= 0.8) {
            return "alert";
        }
        return anyLimit ? "ok" : "no_budget";
    }

    /** Spending over a limit; 0 when the limit or the spending is not known. */
    private static double share(double spent, double limit) {
        return Double.isNaN(limit) || Double.isNaN(spent) ? 0 : spent / limit;
    }

    /** The AI section of the console summary, or "" without AI requests. */
    public static String console(RunAggregate a) {
        Map<String, Model> models = models(a);
        if (models.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\nAI\n");
        sb.append(String.format(Locale.ROOT, "%-22s %7s %6s %9s %9s %9s %8s %9s %11s %7s%n", "model", "# reqs", "fails",
                "p95 ms", "TTFT p95", "ITL p95", "tok/s", "tokens", "cost R$", "quality"));
        double cost = 0;
        for (var e : models.entrySet()) {
            Model m = e.getValue();
            cost += m.f("cost");
            double qn = m.f("quality_n");
            sb.append(String.format(Locale.ROOT, "%-22s %7d %6d %9.1f %9.1f %9.2f %8.1f %9d %11.6f %7s%n", e.getKey(), m.count,
                    m.errors, p(m.latency, 95), p(timing(a, "ai_ttft", e.getKey()), 95), p(timing(a, "ai_itl", e.getKey()), 95),
                    m.f("gen_ms") <= 0 ? 0 : m.f("output_tokens") / (m.f("gen_ms") / 1000),
                    (long) (m.f("input_tokens") + m.f("output_tokens")), m.f("cost"),
                    qn == 0 ? "-" : String.format(Locale.ROOT, "%.2f", m.f("quality_sum") / qn)));
        }
        double hourly = gauge(a, "ai_cfg_infra_hourly_brl", 0) * gauge(a, "ai_cfg_infra_instances", 1);
        double infra = hourly * a.durationSeconds() / 3600;
        sb.append(String.format(Locale.ROOT, "cost: AI R$ %.6f + infrastructure R$ %.6f = R$ %.6f%n", cost, infra, cost + infra));
        long est = (long) models.values().stream().mapToDouble(m -> m.f("tokens_estimated")).sum();
        if (est > 0) {
            sb.append("NOTE: token counts of ").append(est).append(" requests are estimated (the provider sent no usage).\n");
        }
        return sb.toString();
    }

    private static double gauge(RunAggregate a, String name, double def) {
        Double v = a.gauges().get(SeriesKey.of(name));
        return v == null ? def : v;
    }

    private static Histogram timing(RunAggregate a, String name, String model) {
        Histogram h = Histograms.newHistogram();
        a.timings().forEach((k, x) -> {
            if (k.name().equals(name) && (model == null || model.equals(k.tags().get("model")))) {
                h.add(x);
            }
        });
        return h;
    }

    private static ObjectNode pct(Histogram h, double unused) {
        ObjectNode n = JSON.createObjectNode();
        boolean empty = h.getTotalCount() == 0;
        n.put("count", h.getTotalCount());
        n.put("mean", empty ? 0 : r(Histograms.ms(h.getMean())));
        for (double q : new double[] {50, 90, 95, 99}) {
            n.put("p" + (int) q, p(h, q));
        }
        n.put("max", empty ? 0 : r(Histograms.ms(h.getMaxValue())));
        return n;
    }

    private static double p(Histogram h, double q) {
        return h.getTotalCount() == 0 ? 0 : r(Histograms.ms(h.getValueAtPercentile(q)));
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double r6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
