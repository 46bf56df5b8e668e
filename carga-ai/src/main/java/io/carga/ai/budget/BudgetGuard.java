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
 * live) and noted here.
 */
public final class BudgetGuard implements Output {
    private static final double HOUR_S = 3600;
    private final Budget budget;
    private final PrintStream out;
    private final ArrayDeque<double[]> window = new ArrayDeque<>();
    private RunControl control;
    private double total;
    private double hour;
    private boolean alerted;
    private boolean acted;
    private String status = "ok";

    public BudgetGuard(Budget budget, PrintStream out) {
        this.budget = budget;
        this.out = out;
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
        hour += cost;
        window.addLast(new double[] {s.elapsedSeconds(), cost});
        while (!window.isEmpty() && window.peekFirst()[0] <= s.elapsedSeconds() - HOUR_S) {
            hour -= window.removeFirst()[1];
        }
        String over = over(1.0);
        if (over != null && !acted) {
            acted = true;
            if (!alerted) { // one interval may jump past the alert share: the alert line still comes first
                alerted = true;
                out.println("BUDGET ALERT: " + over);
            }
            switch (budget.action()) {
                case WARN -> {
                    status = "exceeded";
                    out.println("BUDGET WARNING: " + over + " (action: warn, the run goes on)");
                }
                case RAMP_DOWN -> {
                    status = "ramping_down";
                    out.println("BUDGET: " + over + " (action: ramp-down, AI request rate halved)");
                }
                case STOP -> {
                    status = "stopped";
                    out.println("BUDGET: " + over + " (action: stop)");
                    control.stop(StopReason.BUDGET, "stopped by budget: " + over);
                }
            }
        } else if (!alerted && !acted) {
            String near = over(Budget.ALERT_SHARE);
            if (near != null) {
                alerted = true;
                status = "alert";
                out.println("BUDGET ALERT: " + near);
            }
        }
    }

    private String over(double share) {
        if (!Double.isNaN(budget.perTestBrl()) && total >= budget.perTestBrl() * share) {
            return String.format(Locale.ROOT, "AI cost R$ %s reached %.0f%% of the per-test limit R$ %s",
                    brl(total), 100 * total / budget.perTestBrl(), brl(budget.perTestBrl()));
        }
        if (!Double.isNaN(budget.perHourBrl()) && hour >= budget.perHourBrl() * share) {
            return String.format(Locale.ROOT, "AI cost R$ %s in the last hour reached %.0f%% of the per-hour limit R$ %s",
                    brl(hour), 100 * hour / budget.perHourBrl(), brl(budget.perHourBrl()));
        }
        return null;
    }

    /** Centavos, or 3 significant digits for amounts under R$ 1 (test budgets are often fractions of a centavo). */
    static String brl(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** ok, alert, exceeded, ramping_down or stopped. */
    public String status() {
        return status;
    }

    public double totalBrl() {
        return total;
    }
}
