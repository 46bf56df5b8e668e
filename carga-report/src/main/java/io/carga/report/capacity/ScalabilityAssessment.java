package io.carga.report.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.TimePoint;
import io.carga.report.cost.CostInputs;
import io.carga.report.cost.CostProjection;
import io.carga.report.cost.ProductionCost;
import io.carga.report.ledger.TestCost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * summary.json's {@code scalability} (spec 10.1's "scalability_assessment"):
 * <ul>
 *   <li><b>current capacity</b>, the most users that held: a capacity stage's result ({@value CapacitySearch#FILE})
 *       where one ran; else estimated from the run's time series, the most users of any interval before the first
 *       one whose p95 passed {@value #ESTIMATE_P95_MS} ms (the spec's API SLA) or whose errors passed the capacity
 *       criteria's 1 %; a run that never breached gives "at least" its peak. It says how it was found.</li>
 *   <li><b>per scaling target</b> of the plan ({@code scaling_targets}; the spec's without a plan): whether it holds
 *       at that capacity, what it would need (copies of the tested setup, assuming capacity grows with them), and
 *       its projected monthly cost ({@link ProductionCost} per user × users, with one production instance per
 *       {@code projection.users_per_instance}, else per the measured capacity).</li>
 *   <li><b>bottlenecks</b>, when the target's metrics were scraped ({@code --target-metrics}): {@link Bottlenecks}.</li>
 * </ul>
 */
public final class ScalabilityAssessment {
    static final double ESTIMATE_P95_MS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScalabilityAssessment() {
    }

    /** The current capacity and how it was found. */
    record Capacity(int users, boolean atLeast, String found) {
    }

    public static ObjectNode of(RunAggregate a, Path dir, CostInputs in) throws IOException {
        Capacity c = capacity(a, dir);
        ObjectNode n = JSON.createObjectNode();
        n.putObject("current_capacity").put("max_stable_users", c.users()).put("at_least", c.atLeast()).put("found", c.found());
        Map<String, Integer> targets = new LinkedHashMap<>(in.scalingTargets());
        String source = "the plan's scaling_targets";
        if (targets.isEmpty()) {
            CapacityAnalysis.SCALING_TARGETS.forEach(t -> targets.put(t.name().replace(' ', '_'), t.users()));
            source = "the spec's scaling targets (section 1.2; no plan gave its own)";
        }
        n.put("targets_from", source);
        CostInputs.Projection p = in.projection();
        int perInstance = p.usersPerInstance() > 0 ? p.usersPerInstance() : Math.max(1, c.users());
        double ai = TestCost.aiByModel(a).values().stream().mapToDouble(Double::doubleValue).sum();
        ProductionCost pc = ProductionCost.of(ai, CostProjection.userHours(a),
                new CostInputs.Projection(p.activeHoursPerUserMonth(), p.revenuePerUserMonthBrl(), p.infraPerInstanceHourBrl(), perInstance), a.usersPeak());
        ObjectNode list = n.putObject("targets");
        targets.forEach((name, users) -> {
            ObjectNode t = list.putObject(name);
            boolean holds = c.users() >= users;
            int copies = c.users() <= 0 ? 0 : (int) Math.ceil((double) users / c.users());
            t.put("users", users).put("holds", holds);
            t.put("needs", c.users() <= 0 ? "unknown: no load held in this run"
                    : holds ? (c.atLeast() ? "holds: at least " + c.users() + " users held" : "holds: " + c.users() + " users held")
                    : String.format(Locale.ROOT, "%d× the tested setup (%d users held; capacity assumed to grow with copies)", copies, c.users()));
            double monthly = Double.isNaN(pc.aiPerUserHourBrl()) ? Double.NaN : pc.perUserMonthBrl() * users;
            if (Double.isNaN(monthly)) {
                t.putNull("projected_monthly_brl");
            } else {
                t.put("projected_monthly_brl", Math.round(monthly * 100) / 100.0);
            }
        });
        ObjectNode bottlenecks = Bottlenecks.of(TargetSamples.read(dir));
        if (bottlenecks != null) {
            n.set("bottlenecks", bottlenecks);
        }
        n.put("assumptions", String.format(Locale.ROOT, "monthly = (AI per user-month at %.0f active hours + infrastructure per user-month) × users, "
                + "one production instance per %d users%s; currency BRL", p.activeHoursPerUserMonth(), perInstance,
                Double.isNaN(p.infraPerInstanceHourBrl()) ? " (no production instance price: infrastructure not counted)" : ""));
        return n;
    }

    static Capacity capacity(RunAggregate a, Path dir) throws IOException {
        Path search = dir.resolve(CapacitySearch.FILE);
        if (Files.exists(search)) {
            JsonNode s = JSON.readTree(search.toFile());
            return new Capacity(s.path("max_stable_users").asInt(), false, "capacity stage: users raised in steps until "
                    + s.path("limit").asText());
        }
        int best = 0;
        boolean ramped = false;
        int first = -1;
        for (int i = 1; i < a.timeline().size(); i++) { // the first interval is warm-up (JIT, connects)
            TimePoint p = a.timeline().get(i);
            first = first < 0 ? p.users() : first;
            ramped |= p.users() != first;
            double errors = p.requests() == 0 ? 0 : (double) p.errors() / p.requests();
            if (p.requests() > 0 && (p.p95() > ESTIMATE_P95_MS || errors > CapacityCriteria.SPEC.maxErrorRate())) {
                return new Capacity(best, false, String.format(Locale.ROOT, "estimated from the run's time series: at %.0f s, %d users "
                        + "gave p95 %.0f ms and %.1f %% errors (limits %.0f ms, %.0f %%); %d users held before", p.elapsedSeconds(), p.users(),
                        p.p95(), 100 * errors, ESTIMATE_P95_MS, 100 * CapacityCriteria.SPEC.maxErrorRate(), best));
            }
            best = Math.max(best, p.users());
        }
        return new Capacity(best, true, ramped ? "estimated from a ramping run: no interval breached p95 " + (int) ESTIMATE_P95_MS
                + " ms or 1 % errors up to its peak of " + best + " users"
                : "the run held its " + best + " users; a ramping run or a capacity stage finds the limit");
    }
}
