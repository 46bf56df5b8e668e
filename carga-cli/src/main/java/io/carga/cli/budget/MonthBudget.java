package io.carga.cli.budget;

import io.carga.cli.plan.CostPlan;
import io.carga.report.ledger.LedgerEntry;
import io.carga.report.ledger.Spend;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The month so far against the plan's {@code testing_budget}: the whole and each share of its allocation.
 * A share is matched to what the ledger measures by its name: one naming instances or cloud is the
 * instances' cost, one naming AI is the AI cost, one naming monitoring or storage is the results' storage
 * (the results are what the team monitors tests with); a share matching none is shown as not tracked.
 */
public record MonthBudget(YearMonth month, Spend spent, double monthlyBrl, List<Share> shares) {

    /** One share of the allocation: its amount and what the ledger counts against it (NaN: not tracked). */
    public record Share(String name, double amountBrl, String measures, double spentBrl) {
        public boolean tracked() {
            return !Double.isNaN(spentBrl);
        }

        public boolean spentOut() {
            return tracked() && spentBrl >= amountBrl;
        }
    }

    public static MonthBudget of(CostPlan plan, List<LedgerEntry> ledger, Instant now) {
        YearMonth month = YearMonth.from(now.atOffset(plan.zone()));
        Spend s = Spend.month(ledger, month, plan.zone());
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<String, Double> e : plan.allocationBrl().entrySet()) {
            String n = e.getKey().toLowerCase(Locale.ROOT);
            String measures = n.contains("instance") || n.contains("cloud") ? "instances"
                    : n.matches("(.*[^a-z])?ai([^a-z].*)?") ? "AI" : n.contains("monitor") || n.contains("storage") ? "results storage" : null;
            double spent = measures == null ? Double.NaN : switch (measures) {
                case "instances" -> s.instancesBrl();
                case "AI" -> s.aiBrl();
                default -> s.storageBrl();
            };
            shares.add(new Share(e.getKey(), e.getValue(), measures == null ? "not tracked by the ledger" : measures, spent));
        }
        return new MonthBudget(month, s, plan.monthlyBudgetBrl(), List.copyOf(shares));
    }

    public double remainingBrl() {
        return monthlyBrl - spent.totalBrl();
    }

    /** The console table of {@code carga budget}. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "testing budget, %s: %d runs%n", month, spent.runs()));
        if (Double.isNaN(monthlyBrl)) {
            sb.append(String.format(Locale.ROOT, "  spent %s (the plan sets no testing_budget)%n", Money.brl(spent.totalBrl())));
        } else {
            sb.append(String.format(Locale.ROOT, "  %-20s %s of %s (%.1f %%), %s left%n", "monthly_budget", Money.brl(spent.totalBrl()),
                    Money.brl(monthlyBrl), 100 * spent.totalBrl() / monthlyBrl, Money.brl(Math.max(0, remainingBrl()))));
        }
        for (Share sh : shares) {
            sb.append(sh.tracked()
                    ? String.format(Locale.ROOT, "  %-20s %s of %s (%.1f %%): %s%s%n", sh.name(), Money.brl(sh.spentBrl()), Money.brl(sh.amountBrl()),
                    100 * sh.spentBrl() / sh.amountBrl(), sh.measures(), sh.spentOut() ? ", SPENT" : "")
                    : String.format(Locale.ROOT, "  %-20s %s: %s%n", sh.name(), Money.brl(sh.amountBrl()), sh.measures()));
        }
        sb.append(String.format(Locale.ROOT, "  by kind: AI %s, instances %s, results storage %s%n", Money.brl(spent.aiBrl()),
                Money.brl(spent.instancesBrl()), Money.brl(spent.storageBrl())));
        if (spent.userHours() > 0) {
            sb.append(String.format(Locale.ROOT, "  cost per user-hour %s (%.3f user-hours)%n", Money.brl(spent.perUserHourBrl()), spent.userHours()));
        }
        sb.append("  (what testing costs; what the platform will cost in production is in each run's report)\n");
        return sb.toString();
    }
}
