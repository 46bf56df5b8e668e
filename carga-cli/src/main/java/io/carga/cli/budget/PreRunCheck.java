package io.carga.cli.budget;

import io.carga.cli.plan.CostPlan;
import io.carga.report.ledger.LedgerEntry;
import io.carga.report.ledger.Spend;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Whether this month's testing budget can pay for a run, before anything is written. It cannot when:
 * <ol>
 *   <li>the monthly budget is spent;</li>
 *   <li>a share of the allocation that the ledger tracks is spent (instances, AI, storage: a run uses each);</li>
 *   <li>the run's planned user-hours at the cost per user-hour of the ledger's earlier runs (all of them,
 *       every month: the best estimate there is) exceed what is left of the month's budget.</li>
 * </ol>
 * With no earlier runs in the ledger the third cannot be judged, and the run goes.
 */
public final class PreRunCheck {
    private PreRunCheck() {
    }

    /** One line saying why the run is refused, or null when the budget can pay for it. */
    public static String refusal(CostPlan plan, List<LedgerEntry> ledger, Instant now, double plannedUserHours) {
        if (!plan.hasBudget()) {
            return null;
        }
        MonthBudget m = MonthBudget.of(plan, ledger, now);
        if (m.remainingBrl() <= 0) {
            return String.format(Locale.ROOT, "refused: this month's testing budget is spent (%s of %s, %s)", Money.brl(m.spent().totalBrl()),
                    Money.brl(m.monthlyBrl()), m.month());
        }
        for (MonthBudget.Share s : m.shares()) {
            if (s.spentOut()) {
                return String.format(Locale.ROOT, "refused: the %s allocation is spent (%s of %s on %s, %s)", s.name(),
                        Money.brl(s.spentBrl()), Money.brl(s.amountBrl()), s.measures(), m.month());
            }
        }
        double perUserHour = Spend.of(ledger).perUserHourBrl();
        if (!Double.isNaN(perUserHour) && plannedUserHours * perUserHour > m.remainingBrl()) {
            return String.format(Locale.ROOT, "refused: %.3f planned user-hours at %s a user-hour (the ledger's %d earlier runs) would cost %s, "
                    + "more than the %s left of this month's %s", plannedUserHours, Money.brl(perUserHour), ledger.size(),
                    Money.brl(plannedUserHours * perUserHour), Money.brl(m.remainingBrl()), Money.brl(m.monthlyBrl()));
        }
        return null;
    }
}
