package io.carga.report.cost;

import io.carga.core.threshold.Kind;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.MetricView;
import java.util.OptionalDouble;

/**
 * The production-cost metrics a plan's {@code resource_efficiency} judges (spec 1.2), all by
 * {@link ProductionCost}'s formula under the run's {@link CostInputs.Projection}:
 * <ul>
 *   <li>{@code cost_per_user_per_month} (money, R$): AI per user-month plus infrastructure per user-month;</li>
 *   <li>{@code infrastructure_cost_ratio}, {@code ai_cost_ratio} (ratios): each over the revenue per user-month,
 *       not evaluated without {@code projection.revenue_per_user_per_month};</li>
 *   <li>{@code cost_per_user_hour} (money): AI cost per active user-hour.</li>
 * </ul>
 * Not evaluated either while the span has no user-hours or no AI cost was recorded.
 */
public final class CostMetrics {
    private CostMetrics() {
    }

    public static MetricRegistry register(MetricRegistry r, CostInputs.Projection p) {
        r.register("cost_per_user_hour", Kind.MONEY, (v, m) -> of(v, p).map(ProductionCost::aiPerUserHourBrl));
        r.register("cost_per_user_per_month", Kind.MONEY, (v, m) -> of(v, p).map(ProductionCost::perUserMonthBrl));
        r.register("infrastructure_cost_ratio", Kind.RATIO, (v, m) -> of(v, p).map(ProductionCost::infrastructureRatio));
        r.register("ai_cost_ratio", Kind.RATIO, (v, m) -> of(v, p).map(ProductionCost::aiRatio));
        return r;
    }

    /** The projection of a span, or empty when it cannot be judged. */
    private static Judgeable of(MetricView v, CostInputs.Projection p) {
        Double cost = v.fieldSums().get("cost");
        if (cost == null || v.userHours() <= 0) {
            return new Judgeable(null);
        }
        return new Judgeable(ProductionCost.of(cost, v.userHours(), p, v.usersPeak()));
    }

    private record Judgeable(ProductionCost pc) {
        OptionalDouble map(java.util.function.ToDoubleFunction<ProductionCost> f) {
            if (pc == null) {
                return OptionalDouble.empty();
            }
            double x = f.applyAsDouble(pc);
            return Double.isNaN(x) || Double.isInfinite(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
        }
    }
}
