package io.carga.report.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The production projection's formula against figures worked out by hand. */
class ProductionCostTest {
    @Test
    void perUserPerMonthIsAiPerActiveUserHourTimesActiveHoursPlusInfrastructurePerUser() {
        // R$ 0.50 of AI over 2 user-hours: R$ 0.25 a user-hour, × 176 h = R$ 44.00;
        // R$ 0.55 an instance-hour × 730 h ÷ 250 users = R$ 1.606; revenue R$ 99
        ProductionCost pc = ProductionCost.of(0.50, 2.0, new CostInputs.Projection(176, 99, 0.55, 250), 40);
        assertThat(pc.aiPerUserHourBrl()).isEqualTo(0.25);
        assertThat(pc.aiPerUserMonthBrl()).isCloseTo(44.0, within(1e-12));
        assertThat(pc.infraPerUserMonthBrl()).isCloseTo(1.606, within(1e-12));
        assertThat(pc.perUserMonthBrl()).isCloseTo(45.606, within(1e-12));
        assertThat(pc.infrastructureRatio()).isCloseTo(1.606 / 99, within(1e-12));
        assertThat(pc.aiRatio()).isCloseTo(44.0 / 99, within(1e-12));
    }

    @Test
    void withoutUsersPerInstanceTheTestsPeakStandsInAndWithoutRevenueNoRatio() {
        // one instance per 40 users (the test's peak): R$ 1.00 × 730 ÷ 40 = R$ 18.25
        ProductionCost pc = ProductionCost.of(0.0, 1.0, new CostInputs.Projection(100, Double.NaN, 1.0, 0), 40);
        assertThat(pc.infraPerUserMonthBrl()).isEqualTo(18.25);
        assertThat(pc.perUserMonthBrl()).isEqualTo(18.25);
        assertThat(pc.aiRatio()).isNaN();
        assertThat(pc.infrastructureRatio()).isNaN();
        assertThat(ProductionCost.of(0.0, 1.0, CostInputs.Projection.DEFAULTS, 40).infraPerUserMonthBrl())
                .as("no production instance price: none counted").isZero();
    }
}
