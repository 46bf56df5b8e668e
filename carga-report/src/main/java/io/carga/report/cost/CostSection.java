package io.carga.report.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.ledger.LedgerEntry;
import io.carga.report.ledger.TestCost;
import io.carga.report.results.RunMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * summary.json's two kinds of cost, side by side and never mixed, each with its currency and assumptions:
 * <ul>
 *   <li>{@code cost.testing}: what this test cost (AI per model, its instances, its results' storage, the
 *       budget guard's steps), priced as the ledger prices it;</li>
 *   <li>{@code cost.production}: what the platform will cost its users, projected from the test
 *       ({@link ProductionCost}: per user per month, revenue ratios, cost per successful interaction by journey).</li>
 * </ul>
 * Read from the results folder ({@link CostInputs#FILE}, {@link CostSteps#FILE}) so a rebuilt run has them too.
 */
public final class CostSection {
    private CostSection() {
    }

    public static void addTo(ObjectNode root, RunMeta meta, RunAggregate a, Path dir) throws IOException {
        CostInputs in = CostInputs.read(dir);
        ObjectNode cost = root.has("cost") ? (ObjectNode) root.get("cost") : root.putObject("cost");
        cost.put("currency", "BRL");
        ArrayNode steps = CostSteps.read(dir);
        cost.set("testing", testing(meta, a, dir, in, steps));
        cost.set("production", production(meta, a, in));
        boolean optimized = false;
        for (JsonNode s : steps) {
            optimized |= s.path("step").asText().equals("ai_flash_only") || s.path("step").asText().equals("users_limited");
        }
        if (optimized && cost.path("budget").isObject()) {
            ((ObjectNode) cost.get("budget")).put("status", "optimized");
        }
    }

    private static ObjectNode testing(RunMeta meta, RunAggregate a, Path dir, CostInputs in, ArrayNode steps) {
        LedgerEntry e = TestCost.of(meta, a, dir, in, false);
        ObjectNode t = ObjectNodes.object();
        t.put("what", "what this test cost: the team's testing budget (the ledger's line for this run)");
        t.put("currency", "BRL");
        ObjectNode ai = t.putObject("ai_by_model_brl");
        e.aiBrl().forEach((m, v) -> ai.put(m, r6(v)));
        t.put("ai_brl", r6(e.aiTotalBrl()));
        t.putObject("instances").put("type", e.instanceType()).put("count", e.instances()).put("hours", r6(e.durationS() / 3600))
                .put("price_per_hour_brl", r6(in.prices().instanceHourBrl(e.instanceType()))).put("brl", r6(e.instancesBrl()));
        t.putObject("storage").put("bytes", e.storageBytes()).put("price_per_gb_month_brl", r6(in.prices().storageGbMonthBrl()))
                .put("brl", r6(e.storageBrl()));
        t.put("total_brl", r6(e.totalBrl()));
        t.set("steps", steps);
        t.put("assumptions", in.prices().provenance() + "; AI as each answer was priced; instances × the run's hours × the "
                + "instance price; storage: the results folder's bytes kept a month at the price per GB-month (10^9 bytes)");
        return t;
    }

    private static ObjectNode production(RunMeta meta, RunAggregate a, CostInputs in) {
        CostInputs.Projection p = in.projection();
        double ai = TestCost.aiByModel(a).values().stream().mapToDouble(Double::doubleValue).sum();
        ProductionCost pc = ProductionCost.of(ai, CostProjection.userHours(a), p, a.usersPeak());
        ObjectNode n = ObjectNodes.object();
        n.put("what", "what the platform will cost in production, projected from this test (not the test's own cost)");
        n.put("currency", "BRL");
        num(n, "ai_per_user_hour_brl", pc.aiPerUserHourBrl());
        n.put("active_hours_per_user_month", p.activeHoursPerUserMonth());
        num(n, "ai_per_user_month_brl", pc.aiPerUserMonthBrl());
        num(n, "infrastructure_per_user_month_brl", pc.infraPerUserMonthBrl());
        num(n, "per_user_per_month_brl", pc.perUserMonthBrl());
        ObjectNode ratios = n.putObject("revenue_ratios");
        if (p.hasRevenue()) {
            ratios.put("revenue_per_user_month_brl", p.revenuePerUserMonthBrl());
            num(ratios, "infrastructure_cost_ratio", pc.infrastructureRatio());
            num(ratios, "ai_cost_ratio", pc.aiRatio());
            ratios.put("status", "evaluated");
        } else {
            ratios.put("status", "not evaluated: the plan gives no projection.revenue_per_user_per_month");
        }
        n.set("per_successful_interaction", journeys(meta, a));
        String infra = Double.isNaN(p.infraPerInstanceHourBrl()) ? "infrastructure not priced (projection.infrastructure_per_instance_hour)"
                : String.format(Locale.ROOT, "infrastructure = R$ %.4f per instance-hour × %.0f h ÷ %s users per instance",
                p.infraPerInstanceHourBrl(), CostProjection.HOURS_PER_MONTH,
                p.usersPerInstance() > 0 ? String.valueOf(p.usersPerInstance()) : Math.max(1, a.usersPeak()) + " (the test's peak)");
        n.put("assumptions", String.format(Locale.ROOT, "AI = this run's AI cost per user-hour (its users integrated over time) × %.0f "
                + "active hours a user a month, as if every user were as active as this test's; %s; a journey's interactions are "
                + "its requests, its cost the AI cost of all of them, failed ones included", p.activeHoursPerUserMonth(), infra));
        return n;
    }

    /**
     * Per journey (the {@code scenario} tag of a run of several scenarios, else the run's one scenario): its
     * requests, the failed ones, the AI cost of all of them, and that cost over the successful ones.
     */
    private static ObjectNode journeys(RunMeta meta, RunAggregate a) {
        Map<String, double[]> by = new TreeMap<>(); // requests, errors, cost
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            Object tag = e.getKey().tags().get("scenario");
            String journey = tag != null ? tag.toString() : meta.scenario();
            double[] x = by.computeIfAbsent(journey, k -> new double[3]);
            x[0] += e.getValue().count();
            x[1] += e.getValue().errors();
            x[2] += e.getValue().fieldSums().getOrDefault("cost", 0.0);
        }
        ObjectNode n = ObjectNodes.object();
        by.forEach((j, x) -> {
            ObjectNode o = n.putObject(j);
            o.put("requests", (long) x[0]).put("failed", (long) x[1]).put("cost_brl", r6(x[2]));
            num(o, "per_successful_interaction_brl", x[0] - x[1] <= 0 ? Double.NaN : x[2] / (x[0] - x[1]));
        });
        return n;
    }

    private static void num(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, r6(v));
        }
    }

    private static double r6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Jackson's node factory, one place. */
    private static final class ObjectNodes {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static ObjectNode object() {
            return JSON.createObjectNode();
        }
    }
}
