package io.carga.ai.budget;

import io.carga.ai.cost.AiConfigException;
import java.util.Locale;
import java.util.Map;

/**
 * Spending limits of a run, in R$ (the spec: R$ 50 per hour at peak, R$ 200 per day), and what to do when
 * one is passed. An alert line comes first, at {@link #ALERT_SHARE} of a limit; the action follows at the
 * limit itself.
 *
 * <p>Properties: {@code ai.budget.per-test}, {@code ai.budget.per-hour}, {@code ai.budget.currency}
 * (required with a limit: {@code BRL}/{@code R$}, or the price table's currency, converted),
 * {@code ai.budget.action} ({@code warn}, {@code ramp-down}, {@code stop}; default {@code stop}).
 *
 * @param perTestBrl limit for the whole run, or NaN for none
 * @param perHourBrl limit for any sliding hour, or NaN for none
 * @param action     what happens at a limit
 */
public record Budget(double perTestBrl, double perHourBrl, Action action) {
    /** Share of a limit at which the alert line is printed. */
    public static final double ALERT_SHARE = 0.8;

    /** What the guard does when spending reaches a limit. */
    public enum Action {
        /** Print a warning and go on. */
        WARN,
        /**
         * Halve the AI request rate, again at each further 10% over a limit (per-test or per-hour, whichever
         * is further over). The rate does not rise again within the run, even when the hour slides back under.
         */
        RAMP_DOWN,
        /** Stop the run, reported as aborted with the cause. */
        STOP
    }

    public Budget {
        for (double v : new double[] {perTestBrl, perHourBrl}) {
            if (!Double.isNaN(v) && !(v > 0)) {
                throw new AiConfigException("budget limits must be positive amounts, was " + v);
            }
        }
        if (action == null) {
            action = Action.STOP;
        }
    }

    public boolean any() {
        return !Double.isNaN(perTestBrl) || !Double.isNaN(perHourBrl);
    }

    /**
     * How far spending has gone into the budget: the larger of {@code totalBrl / perTest} and
     * {@code lastHourBrl / perHour}, over the limits that are set (1.0 is a limit reached); 0 without limits.
     */
    public double share(double totalBrl, double lastHourBrl) {
        double s = 0;
        if (!Double.isNaN(perTestBrl)) {
            s = totalBrl / perTestBrl;
        }
        if (!Double.isNaN(perHourBrl)) {
            s = Math.max(s, lastHourBrl / perHourBrl);
        }
        return s;
    }

    /**
     * The budget of {@code ai.budget.*} properties, or null when no limit is set.
     *
     * @param priceCurrency the price table's currency
     * @param brlPerUnit    its exchange rate to R$
     */
    public static Budget fromProperties(Map<String, String> p, String priceCurrency, double brlPerUnit) {
        String test = p.get("ai.budget.per-test");
        String hour = p.get("ai.budget.per-hour");
        if (test == null && hour == null) {
            return null;
        }
        String cur = p.get("ai.budget.currency");
        if (cur == null || cur.isBlank()) {
            throw new AiConfigException("ai.budget: a limit is set without a currency; add ai.budget.currency=BRL (or "
                    + priceCurrency + ", the price table's)");
        }
        double rate;
        if (cur.equalsIgnoreCase("BRL") || cur.equals("R$")) {
            rate = 1.0;
        } else if (cur.equalsIgnoreCase(priceCurrency)) {
            rate = brlPerUnit;
        } else {
            throw new AiConfigException("ai.budget.currency " + cur + " is neither BRL nor the price table's currency " + priceCurrency);
        }
        String a = p.getOrDefault("ai.budget.action", "stop").strip().toLowerCase(Locale.ROOT);
        Action action = switch (a) {
            case "warn" -> Action.WARN;
            case "ramp-down", "ramp_down", "rampdown" -> Action.RAMP_DOWN;
            case "stop" -> Action.STOP;
            default -> throw new AiConfigException("ai.budget.action: expected warn, ramp-down or stop, was '" + a + "'");
        };
        return new Budget(amount("ai.budget.per-test", test) * rate, amount("ai.budget.per-hour", hour) * rate, action);
    }

    private static double amount(String key, String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.strip().replace("R$", "").strip());
        } catch (NumberFormatException e) {
            throw new AiConfigException(key + ": not an amount: '" + text + "'");
        }
    }
}
