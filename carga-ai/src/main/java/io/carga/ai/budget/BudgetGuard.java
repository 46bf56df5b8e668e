package io.carga.ai.budget;

import io.carga.ai.AiFields;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.output.Output;
import io.carga.core.output.RunControl;
import io.carga.core.output.RunInfo;
import io.carga.core.output.StopReason;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The live budget guard: an output that adds up the AI cost of every interval (the events' {@code cost}
 * field, in R$) for the run and for the last sliding hour. At {@link Budget#ALERT_SHARE} of a limit it prints
 * one alert line; at the limit it applies the budget's action: {@code warn} prints a warning,
 * {@code stop} ends the run as {@link StopReason#ABORTED} with the cause (everything measured so far is
 * kept and reported), {@code ramp-down} is applied by the AI clients themselves (they see the same spend
 * live) and noted here; {@code optimize} asks the run to hold its users under the ceiling and to cut the
 * rest of its time ({@link RunControl#limitUsers}, {@link RunControl#shortenRest}), while the AI clients
 * switch to Gemini Flash on their own at the same limit. The per-day limit counts the day's earlier runs
 * ({@link Budget#daySpentBrl()}). Every alert and action is handed to the {@code steps} sink with when and why.
 */
public final class BudgetGuard implements Output {
    private static final double HOUR_S = 3600;
    private final Budget budget;
    private final PrintStream out;
    private final java.util.function.Consumer<CostStep> steps;
    private final ArrayDeque<double[]> window = new ArrayDeque<>();
    private RunControl control;
    private double total;
    private double hour;
    private boolean alerted;
    private boolean acted;
    private String status = "ok";

    public BudgetGuard(Budget budget, PrintStream out) {
        this(budget, out, step -> { });
    }

    public BudgetGuard(Budget budget, PrintStream out, java.util.function.Consumer<CostStep> steps) {
        this.budget = budget;
        this.out = out;
        this.steps = steps;
    }

    @Override
    public void start(RunInfo info) {
        control = info.control();
    }

    @Override
    public void interval(IntervalSnapshot s) {
        double cost = 0;
        for (SeriesInterval si : s.requests()) {
            Double c = si.fieldSums().get(AiFields.COST);
            if (c != null) {
                cost += c;
            }
        }
        total += cost;
        // the hour counts the run's instances too (the spec's hourly peak is the whole test's cost)
        double hourly = cost + budget.hourFixedBrl() * s.durationSeconds() / HOUR_S;
        hour += hourly;
        window.addLast(new double[] {s.elapsedSeconds(), hourly});
        while (!window.isEmpty() && window.peekFirst()[0] <= s.elapsedSeconds() - HOUR_S) {
            hour -= window.removeFirst()[1];
        }
        String over = over(1.0);
        if (over != null && !acted) {
            acted = true;
            if (!alerted) { // one interval may jump past the alert share: the alert line still comes first
                alerted = true;
                out.println("BUDGET ALERT: " + over);
                step(s, "alert", over);
            }
            switch (budget.action()) {
                case WARN -> {
                    status = "exceeded";
                    out.println("BUDGET WARNING: " + over + " (action: warn, the run goes on)");
                    step(s, "warn", over);
                }
                case RAMP_DOWN -> {
                    status = "ramping_down";
                    out.println("BUDGET: " + over + " (action: ramp-down, AI request rate halved)");
                    step(s, "ramp_down", over + "; AI request rate halved");
                }
                case OPTIMIZE -> optimize(s, over);
                case STOP -> {
                    status = "stopped";
                    out.println("BUDGET: " + over + " (action: stop)");
                    step(s, "stop", over);
                    control.stop(StopReason.BUDGET, "stopped by budget: " + over);
                }
            }
        } else if (!alerted && !acted) {
            String near = over(Budget.ALERT_SHARE);
            if (near != null) {
                alerted = true;
                status = "alert";
                out.println("BUDGET ALERT: " + near);
                step(s, "alert", near);
            }
        }
    }

    /** The spec's optimize_test_costs, one recorded step each; a step the run cannot take says so. */
    private void optimize(IntervalSnapshot s, String over) {
        status = "optimized";
        Budget.Optimize o = budget.optimize();
        out.println("BUDGET: " + over + " (action: optimize_test_costs)");
        if (o.flashOnly()) {
            step(s, "ai_flash_only", over + "; AI requests go to " + Budget.Optimize.FLASH + " only");
        }
        String cause = "optimize_test_costs: " + over;
        boolean limited = control.limitUsers(o.maxUsers(), cause);
        step(s, "users_limited", limited ? over + "; users held to " + o.maxUsers()
                : over + "; not applied: the load model has no user count (an open model)");
        boolean shortened = control.shortenRest(o.durationShare(), "shortened by budget (" + cause + ")");
        step(s, "rest_shortened", shortened ? String.format(Locale.ROOT, "%s; the rest of the run cut to %.0f%%", over, 100 * o.durationShare())
                : over + "; not applied: the run has no planned end");
    }

    private void step(IntervalSnapshot s, String step, String why) {
        steps.accept(new CostStep(s.endEpochMs(), s.elapsedSeconds(), step, why));
    }

    private String over(double share) {
        if (!Double.isNaN(budget.perTestBrl()) && total >= budget.perTestBrl() * share) {
            return String.format(Locale.ROOT, "AI cost R$ %s reached %.0f%% of the per-test limit R$ %s",
                    brl(total), 100 * total / budget.perTestBrl(), brl(budget.perTestBrl()));
        }
        if (!Double.isNaN(budget.perHourBrl()) && hour >= budget.perHourBrl() * share) {
            return String.format(Locale.ROOT, "%s R$ %s in the last hour reached %.0f%% of the per-hour limit R$ %s",
                    budget.hourFixedBrl() > 0 ? "AI and instance cost" : "AI cost", brl(hour), 100 * hour / budget.perHourBrl(),
                    brl(budget.perHourBrl()));
        }
        double day = budget.daySpentBrl() + total;
        if (!Double.isNaN(budget.perDayBrl()) && day >= budget.perDayBrl() * share) {
            return String.format(Locale.ROOT, "AI cost R$ %s today (R$ %s of earlier runs) reached %.0f%% of the daily limit R$ %s",
                    brl(day), brl(budget.daySpentBrl()), 100 * day / budget.perDayBrl(), brl(budget.perDayBrl()));
        }
        return null;
    }

    /** Centavos, or 3 significant digits for amounts under R$ 1 (test budgets are often fractions of a centavo). */
    static String brl(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** ok, alert, exceeded, ramping_down, optimized or stopped. */
    public String status() {
        return status;
    }

    public double totalBrl() {
        return total;
    }
}
