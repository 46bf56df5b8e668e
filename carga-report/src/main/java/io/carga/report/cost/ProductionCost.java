package io.carga.report.cost;

/**
 * What the platform will cost per user per month in production, projected from a test: the one formula
 * summary.json, report.html and the {@code cost_per_user_per_month} threshold share.
 * <ul>
 *   <li><b>AI per user-month</b> = the run's AI cost per active user-hour × the active hours a user a month;</li>
 *   <li><b>infrastructure per user-month</b> = a production instance-hour × {@value CostProjection#HOURS_PER_MONTH} h
 *       ÷ the users one instance serves (the plan's {@code projection}; 0 when it prices no instance);</li>
 *   <li><b>per user-month</b> = the two added;</li>
 *   <li><b>ratios</b>: each over the revenue per user-month, when the plan gives one (else NaN: not evaluated).</li>
 * </ul>
 * The test's own instances are testing cost and never enter here.
 */
public record ProductionCost(double aiPerUserHourBrl, double activeHours, double infraPerUserMonthBrl, double revenuePerUserMonthBrl) {

    /** From a span's AI cost and user-hours, under {@code p}'s assumptions; {@code peakUsers} stands in for users per instance. */
    public static ProductionCost of(double aiCostBrl, double userHours, CostInputs.Projection p, int peakUsers) {
        double perHour = userHours <= 0 ? Double.NaN : aiCostBrl / userHours;
        double usersPerInstance = p.usersPerInstance() > 0 ? p.usersPerInstance() : Math.max(1, peakUsers);
        double infra = Double.isNaN(p.infraPerInstanceHourBrl()) ? 0 : p.infraPerInstanceHourBrl() * CostProjection.HOURS_PER_MONTH / usersPerInstance;
        return new ProductionCost(perHour, p.activeHoursPerUserMonth(), infra, p.hasRevenue() ? p.revenuePerUserMonthBrl() : Double.NaN);
    }

    public double aiPerUserMonthBrl() {
        return aiPerUserHourBrl * activeHours;
    }

    public double perUserMonthBrl() {
        return aiPerUserMonthBrl() + infraPerUserMonthBrl;
    }

    /** Infrastructure over revenue (the spec: under 30 %), NaN without a revenue. */
    public double infrastructureRatio() {
        return infraPerUserMonthBrl / revenuePerUserMonthBrl;
    }

    /** AI over revenue (the spec: under 20 %), NaN without a revenue. */
    public double aiRatio() {
        return aiPerUserMonthBrl() / revenuePerUserMonthBrl;
    }
}
