package io.carga.cli.budget;

import io.carga.cli.plan.CostPlan;
import io.carga.core.config.RunConfig;
import io.carga.report.ledger.LedgerEntry;
import io.carga.report.ledger.Ledger;
import io.carga.report.ledger.Spend;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan run's passage through its testing budget, before it starts: the {@link PreRunCheck} against the
 * ledger, and the run properties that carry the plan's prices and cost limits to the AI clients and the
 * budget guard ({@code ai.price.*}, {@code ai.budget.*}; a {@code -P} given on the command line wins).
 */
public final class CostGate {
    private final CostPlan plan;
    private final Ledger ledger;
    private final List<LedgerEntry> entries;
    private final Instant now;

    public CostGate(CostPlan plan, Ledger ledger, Instant now) throws IOException {
        this.plan = plan;
        this.ledger = ledger;
        this.entries = plan.hasBudget() || plan.limits().any() ? ledger.entries() : List.of();
        this.now = now;
    }

    public Ledger ledger() {
        return ledger;
    }

    /**
     * One line saying why the budget refuses {@code config}, or null to run it. With {@code force} a refusal
     * is printed and the run goes on.
     */
    public String refusal(RunConfig config, boolean force, PrintStream out) {
        return refusal(PlannedLoad.userHours(config.load()), force, out);
    }

    /** As {@link #refusal(RunConfig, boolean, PrintStream)}, for a load of {@code plannedUserHours} (a db stage's clients × -T). */
    public String refusal(double plannedUserHours, boolean force, PrintStream out) {
        String why = PreRunCheck.refusal(plan, entries, now, plannedUserHours);
        if (why != null && force) {
            out.println("carga: " + why + "; running anyway (--force)");
            return null;
        }
        return why == null ? null : why + " (carga budget shows the month; --force runs anyway)";
    }

    /** {@code config} with the plan's prices and limits as properties under its own. */
    public RunConfig apply(RunConfig config) {
        Map<String, String> p = new LinkedHashMap<>();
        if (plan.pricesGiven()) {
            p.putAll(plan.inputs().prices().aiProperties());
        }
        CostPlan.Limits l = plan.limits();
        if (l.any()) {
            p.put("ai.budget.currency", "BRL");
            put(p, "ai.budget.per-hour", l.hourlyPeakBrl());
            put(p, "ai.budget.hour-fixed", plan.inputs().instancesHourBrl()); // the hourly peak is the whole test's
            if (!Double.isNaN(l.dailyAiBrl())) {
                put(p, "ai.budget.per-day", l.dailyAiBrl());
                put(p, "ai.budget.day-spent", Spend.day(entries, now.atOffset(plan.zone()).toLocalDate(), plan.zone()).aiBrl());
            }
            p.put("ai.budget.action", l.action().equals("optimize_test_costs") ? "optimize" : l.action());
            CostPlan.Optimize o = plan.optimize();
            p.put("ai.budget.optimize.flash-only", String.valueOf(o.flashOnly()));
            p.put("ai.budget.optimize.max-users", String.valueOf(o.maxUsers()));
            p.put("ai.budget.optimize.duration-share", String.valueOf(o.durationShare()));
        }
        p.putAll(config.properties());
        return config.withProperties(p);
    }

    private static void put(Map<String, String> p, String key, double v) {
        if (!Double.isNaN(v)) {
            p.put(key, String.valueOf(v));
        }
    }
}
