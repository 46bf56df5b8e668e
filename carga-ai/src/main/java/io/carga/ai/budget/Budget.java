package io.carga.ai.budget;

import io.carga.ai.cost.AiConfigException;
import java.util.Locale;
import java.util.Map;

/**
 * Spending limits of a run, in R$ (the spec: R$ 50 per hour at peak, R$ 200 per day), and what to do when
 * one is passed. An alert line comes first, at {@link #ALERT_SHARE} of a limit; the action follows at the
 * limit itself.
 *
 * <p>Properties: {@code ai.budget.per-test}, {@code ai.budget.per-hour}, {@code ai.budget.per-day} with
 * {@code ai.budget.day-spent} (what the day's earlier runs spent, from the ledger), {@code ai.budget.currency}
 * (required with a limit: {@code BRL}/{@code R$}, or the price table's currency, converted),
 * {@code ai.budget.action} ({@code warn}, {@code ramp-down}, {@code optimize}, {@code stop}; default
 * {@code stop}), and for {@code optimize} {@code ai.budget.optimize.flash-only} (default true),
 * {@code ai.budget.optimize.max-users} (200), {@code ai.budget.optimize.duration-share} (0.5); {@code ai.budget.hour-fixed}
 * (R$ an hour of the test's instances, counted in the per-hour limit).
 *
 * @param perTestBrl  limit for the whole run, or NaN for none
 * @param perHourBrl  limit for any sliding hour, or NaN for none
 * @param perDayBrl   limit for the day, the day's earlier runs included, or NaN for none
 * @param daySpentBrl what the day's earlier runs spent on AI (counted against {@code perDayBrl})
 * @param action      what happens at a limit
 * @param optimize    what {@link Action#OPTIMIZE} does
 * @param hourFixedBrl R$ an hour the run costs besides AI (its test instances, {@code ai.budget.hour-fixed}), counted
 *                    in the per-hour limit: the spec's hourly peak is the whole test's cost (section 7.2)
 */
public record Budget(double perTestBrl, double perHourBrl, double perDayBrl, double daySpentBrl, Action action, Optimize optimize,
                     double hourFixedBrl) {
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
        /**
         * The spec's {@code optimize_test_costs} (section 7.2): AI to Gemini Flash only, users held to a ceiling,
         * the rest of the run shortened. The run goes on, cheaper.
         */
        OPTIMIZE,
        /** Stop the run, reported as aborted with the cause. */
        STOP
    }

    /**
     * What {@link Action#OPTIMIZE} does.
     *
     * @param flashOnly     every AI request goes to {@link #FLASH} from then on
     * @param maxUsers      the users ceiling
     * @param durationShare the share of the run's remaining time kept (0.5: the spec's "reduce_test_duration: 50%")
     */
    public record Optimize(boolean flashOnly, int maxUsers, double durationShare) {
        /** The model of the spec's "switch_to_gemini_flash_only". */
        public static final String FLASH = "gemini-2.5-flash";
        public static final Optimize SPEC = new Optimize(true, 200, 0.5);
    }

    /** Per-test and per-hour limits only. */
    public Budget(double perTestBrl, double perHourBrl, Action action) {
        this(perTestBrl, perHourBrl, Double.NaN, 0, action, Optimize.SPEC, 0);
    }

    public Budget {
        if (optimize == null) {
            optimize = Optimize.SPEC;
        }
        for (double v : new double[] {perTestBrl, perHourBrl, perDayBrl}) {
            if (!Double.isNaN(v) && !(v > 0)) {
                throw new AiConfigException("budget limits must be positive amounts, was " + v);
            }
        }
        if (action == null) {
            action = Action.STOP;
        }
    }

    /** What the fixed hourly cost adds to the sliding hour after {@code elapsedSeconds} of run. */
    public double fixedInHour(double elapsedSeconds) {
        return hourFixedBrl * Math.min(Math.max(0, elapsedSeconds), 3600) / 3600;
    }

    public boolean any() {
        return !Double.isNaN(perTestBrl) || !Double.isNaN(perHourBrl) || !Double.isNaN(perDayBrl);
    }

    /**
     * How far spending has gone into the budget: the largest of {@code totalBrl / perTest},
     * {@code lastHourBrl / perHour} and {@code (daySpent + totalBrl) / perDay}, over the limits that are set
     * (1.0 is a limit reached); 0 without limits.
     */
    public double share(double totalBrl, double lastHourBrl) {
        double s = 0;
        if (!Double.isNaN(perTestBrl)) {
            s = totalBrl / perTestBrl;
        }
        if (!Double.isNaN(perHourBrl)) {
            s = Math.max(s, lastHourBrl / perHourBrl);
        }
        if (!Double.isNaN(perDayBrl)) {
            s = Math.max(s, (daySpentBrl + totalBrl) / perDayBrl);
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
        String day = p.get("ai.budget.per-day");
        if (test == null && hour == null && day == null) {
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
            case "optimize", "optimize_test_costs" -> Action.OPTIMIZE;
            case "stop" -> Action.STOP;
            default -> throw new AiConfigException("ai.budget.action: expected warn, ramp-down, optimize or stop, was '" + a + "'");
        };
        double daySpent = p.containsKey("ai.budget.day-spent") ? amount("ai.budget.day-spent", p.get("ai.budget.day-spent")) * rate : 0;
        Optimize o = new Optimize(!"false".equalsIgnoreCase(p.getOrDefault("ai.budget.optimize.flash-only", "true").strip()),
                (int) amount("ai.budget.optimize.max-users", p.getOrDefault("ai.budget.optimize.max-users", "200")),
                amount("ai.budget.optimize.duration-share", p.getOrDefault("ai.budget.optimize.duration-share", "0.5")));
        if (o.maxUsers() < 1 || !(o.durationShare() >= 0 && o.durationShare() <= 1)) {
            throw new AiConfigException("ai.budget.optimize: max-users must be >= 1 and duration-share within 0..1, were "
                    + o.maxUsers() + " and " + o.durationShare());
        }
        double fixed = p.containsKey("ai.budget.hour-fixed") ? amount("ai.budget.hour-fixed", p.get("ai.budget.hour-fixed")) * rate : 0;
        return new Budget(amount("ai.budget.per-test", test) * rate, amount("ai.budget.per-hour", hour) * rate,
                amount("ai.budget.per-day", day) * rate, daySpent, action, o, fixed);
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
