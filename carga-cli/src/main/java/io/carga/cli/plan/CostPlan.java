package io.carga.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carga.report.cost.CostInputs;
import io.carga.report.cost.CostProjection;
import io.carga.report.cost.TestPrices;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's money, both kinds kept apart:
 * <ul>
 *   <li><b>testing</b>: {@code testing_budget} (monthly budget and allocation), {@code cost_limits} (hourly peak,
 *       daily AI, the action), {@code optimize_test_costs} (what the ramp-down does), {@code prices} and
 *       {@code test_instances};</li>
 *   <li><b>production</b>: {@code projection} (active hours, revenue, production instances).</li>
 * </ul>
 * <pre>
 * prices: prices.yaml                          # a price file next to the plan, or the same keys inline (TestPrices)
 * test_instances: {type: e2-medium, count: 1}
 * cost_limits: {hourly_peak_cost: "R$ 50", daily_ai_cost: "R$ 200", action: optimize_test_costs}   # stop | warn | ramp-down
 * optimize_test_costs: {switch_to_gemini_flash_only: true, limit_concurrent_users: 200, reduce_test_duration: "50%"}
 * projection: {active_hours_per_user_per_month: 176, revenue_per_user_per_month: "R$ 49",
 *              infrastructure_per_instance_hour: "R$ 0.55", users_per_instance: 250}
 * </pre>
 * Amounts are R$ ({@code "R$ 50"} or a number).
 *
 * @param monthlyBudgetBrl  {@code testing_budget.monthly_budget}, NaN without one
 * @param allocationBrl     each share of the allocation in R$ ({@code "60% (R$ 300)"}: the R$ amount, else the share of the budget)
 * @param zone              whose months and days the ledger counts (the scheduled window's zone, else UTC)
 */
public record CostPlan(double monthlyBudgetBrl, Map<String, Double> allocationBrl, Limits limits, Optimize optimize,
                       CostInputs inputs, boolean pricesGiven, ZoneOffset zone) {
    private static final CostPlan NONE = new CostPlan(Double.NaN, Map.of(), Limits.NONE, Optimize.SPEC, CostInputs.defaults(), false, ZoneOffset.UTC);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern BRL = Pattern.compile("R\\$\\s*(\\d+(?:\\.\\d+)?)");

    /** {@code cost_limits}: R$ limits (NaN: none) and the action at a limit. */
    public record Limits(double hourlyPeakBrl, double dailyAiBrl, String action) {
        static final Limits NONE = new Limits(Double.NaN, Double.NaN, "stop");

        public boolean any() {
            return !Double.isNaN(hourlyPeakBrl) || !Double.isNaN(dailyAiBrl);
        }
    }

    /** {@code optimize_test_costs}: the spec's ramp-down (section 7.2). */
    public record Optimize(boolean flashOnly, int maxUsers, double durationShare) {
        public static final Optimize SPEC = new Optimize(true, 200, 0.5);
    }

    /** No plan: the default prices, no budget, no limits. */
    public static CostPlan none() {
        return NONE;
    }

    public boolean hasBudget() {
        return !Double.isNaN(monthlyBudgetBrl);
    }

    static CostPlan read(JsonNode r, Path planDir, ZoneOffset zone, Map<String, Integer> scalingTargets, BiConsumer<String, String> problem) {
        JsonNode b = r.path("testing_budget");
        double monthly = b.has("monthly_budget") ? money(b.get("monthly_budget"), "/testing_budget/monthly_budget", problem) : Double.NaN;
        Map<String, Double> allocation = new LinkedHashMap<>();
        b.path("allocation").fields().forEachRemaining(e -> {
            String text = e.getValue().asText();
            Matcher brl = BRL.matcher(text);
            Matcher pct = PERCENT.matcher(text);
            if (brl.find()) {
                allocation.put(e.getKey(), Double.parseDouble(brl.group(1)));
            } else if (pct.find() && !Double.isNaN(monthly)) {
                allocation.put(e.getKey(), monthly * Double.parseDouble(pct.group(1)) / 100);
            } else {
                problem.accept("/testing_budget/allocation/" + e.getKey(), "expected a share such as \"60% (R$ 300)\", was '" + text + "'");
            }
        });
        JsonNode l = r.path("cost_limits");
        String action = l.path("action").asText("stop");
        if (!action.matches("stop|warn|ramp-down|optimize_test_costs")) {
            problem.accept("/cost_limits/action", "expected stop, warn, ramp-down or optimize_test_costs, was '" + action + "'");
        }
        Limits limits = new Limits(l.has("hourly_peak_cost") ? money(l.get("hourly_peak_cost"), "/cost_limits/hourly_peak_cost", problem) : Double.NaN,
                l.has("daily_ai_cost") ? money(l.get("daily_ai_cost"), "/cost_limits/daily_ai_cost", problem) : Double.NaN, action);
        JsonNode o = r.path("optimize_test_costs");
        double share = Optimize.SPEC.durationShare();
        if (o.has("reduce_test_duration")) {
            Matcher m = PERCENT.matcher(o.get("reduce_test_duration").asText());
            if (m.find()) {
                share = 1 - Double.parseDouble(m.group(1)) / 100;
            } else {
                problem.accept("/optimize_test_costs/reduce_test_duration", "expected a share such as \"50%\"");
            }
        }
        Optimize optimize = new Optimize(o.path("switch_to_gemini_flash_only").asBoolean(true),
                o.path("limit_concurrent_users").asInt(Optimize.SPEC.maxUsers()), share);
        TestPrices prices = TestPrices.defaults();
        boolean given = r.has("prices");
        if (given) {
            try {
                JsonNode p = r.get("prices");
                prices = TestPrices.of(p.isTextual() ? new ObjectMapper(new YAMLFactory()).readTree(planDir.resolve(p.asText()).toFile()) : p);
            } catch (IOException e) {
                problem.accept("/prices", "cannot read the price file " + r.get("prices").asText() + " next to the plan ("
                        + (e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
            } catch (IllegalArgumentException e) {
                problem.accept("/prices", e.getMessage());
            }
        }
        JsonNode inst = r.path("test_instances");
        String type = inst.path("type").asText(TestPrices.SPEC_INSTANCE);
        if (inst.has("type") && !prices.instancePerHour().containsKey(type)) {
            problem.accept("/test_instances/type", "no price for instance type '" + type + "' (prices.instance_per_hour has "
                    + String.join(", ", prices.instancePerHour().keySet()) + ")");
        }
        JsonNode p = r.path("projection");
        CostInputs.Projection projection = new CostInputs.Projection(
                p.path("active_hours_per_user_per_month").asDouble(CostProjection.ACTIVE_HOURS_PER_MONTH),
                p.has("revenue_per_user_per_month") ? money(p.get("revenue_per_user_per_month"), "/projection/revenue_per_user_per_month", problem) : Double.NaN,
                p.has("infrastructure_per_instance_hour") ? money(p.get("infrastructure_per_instance_hour"), "/projection/infrastructure_per_instance_hour", problem) : Double.NaN,
                p.path("users_per_instance").asInt(0));
        return new CostPlan(monthly, allocation, limits, optimize, new CostInputs(prices, type, Math.max(1, inst.path("count").asInt(1)), projection, scalingTargets),
                given, zone);
    }

    private static double money(JsonNode v, String at, BiConsumer<String, String> problem) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        Matcher m = Pattern.compile("(\\d+(?:[.,]\\d+)?)").matcher(v.asText());
        if (!m.find()) {
            problem.accept(at, "expected an amount in R$ such as \"R$ 50\", was '" + v.asText() + "'");
            return Double.NaN;
        }
        return Double.parseDouble(m.group(1).replace(',', '.'));
    }
}
