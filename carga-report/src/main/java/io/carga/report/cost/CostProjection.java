package io.carga.report.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.TimePoint;
import io.carga.report.capacity.CapacityAnalysis;
import io.carga.report.capacity.CapacityResult;
import java.util.Locale;

/**
 * The one definition of what a run's cost projects to in a month, used by summary.json, report.html and the
 * grade alike:
 * <ul>
 *   <li><b>cost per user-hour</b> = the run's cost ÷ its user-hours, the users integrated over the run's
 *       time (a ramp counts what it really ran, not its peak);</li>
 *   <li><b>monthly cost for N users</b> = cost per user-hour × N × {@value #ACTIVE_HOURS_PER_MONTH} active
 *       hours a user a month (22 working days × 8 h), as if every user were as active as the test's;</li>
 *   <li>plus <b>infrastructure</b>, when the run priced it: instance-hour price × instances × {@value #HOURS_PER_MONTH}
 *       h a month, with instances added in proportion to the test's users per instance.</li>
 * </ul>
 * The projection is for the spec's scaling targets (100, 500, 1,000 and 5,000 users) and always travels with
 * its assumptions, written out.
 */
public final class CostProjection {
    public static final double ACTIVE_HOURS_PER_MONTH = 176;
    public static final double HOURS_PER_MONTH = 730;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CostProjection() {
    }

    /** The run's user-hours: users integrated over the run's timeline. */
    public static double userHours(RunAggregate a) {
        double hours = 0;
        double prev = 0;
        for (TimePoint p : a.timeline()) {
            hours += p.users() * Math.max(0, p.elapsedSeconds() - prev) / 3600.0;
            prev = p.elapsedSeconds();
        }
        return hours;
    }

    /** {@code cost} per user-hour of {@code a}, or NaN when the run has no user-hours. */
    public static double perUserHour(double cost, RunAggregate a) {
        double h = userHours(a);
        return h <= 0 ? Double.NaN : cost / h;
    }

    /**
     * The monthly projection per scaling target: {@code {"100": {"users", "ai", "infrastructure", "total",
     * "per_user_month"}, …, "assumptions": "…"}}.
     *
     * @param perUserHour    the run's cost per user-hour (NaN: projected as 0)
     * @param infraHourly    price of one instance-hour (0 when not priced)
     * @param instances      instances the test ran on
     * @param testUsers      the test's peak users, for users per instance
     * @param currency       the money's symbol ({@code R$})
     */
    public static ObjectNode monthly(double perUserHour, double infraHourly, double instances, int testUsers, String currency) {
        ObjectNode p = JSON.createObjectNode();
        double perHour = Double.isNaN(perUserHour) ? 0 : perUserHour;
        double usersPerInstance = Math.max(1, testUsers) / Math.max(1, instances);
        for (CapacityResult.Target t : CapacityAnalysis.SCALING_TARGETS) {
            double usage = perHour * t.users() * ACTIVE_HOURS_PER_MONTH;
            double infra = infraHourly * Math.ceil(t.users() / usersPerInstance) * HOURS_PER_MONTH;
            p.putObject(String.valueOf(t.users())).put("name", t.name()).put("users", t.users()).put("ai", r6(usage))
                    .put("infrastructure", r6(infra)).put("total", r6(usage + infra)).put("per_user_month", r6((usage + infra) / t.users()));
        }
        p.put("assumptions", assumptions(perHour, infraHourly, usersPerInstance, currency));
        return p;
    }

    static String assumptions(double perUserHour, double infraHourly, double usersPerInstance, String currency) {
        String usage = String.format(Locale.ROOT, "usage cost = %s %.6f per user-hour (this run's cost over its user-hours) × users × "
                + "%.0f active hours a user a month (22 days × 8 h), as if every user were as active as this test's", currency, perUserHour,
                ACTIVE_HOURS_PER_MONTH);
        if (infraHourly <= 0) {
            return usage + "; infrastructure not priced (ai.infra.hourly)";
        }
        return usage + String.format(Locale.ROOT, "; infrastructure = %s %.2f per instance-hour × %.0f h a month × one instance per %.0f "
                + "users, as in the test", currency, infraHourly, HOURS_PER_MONTH, usersPerInstance);
    }

    private static double r6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
