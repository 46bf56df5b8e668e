package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenModelTest {
    private static final long S = 1_000_000_000L;

    @Test
    void constantRateStartsTheKthIterationAtKOverTheRate() {
        OpenModel m = OpenModel.constant(100, Duration.ofSeconds(2), 10);
        for (long k = 0; k < 200; k++) {
            assertThat(m.startOffsetNanos(k)).as("iteration %d", k).isEqualTo(k * 10_000_000L);
        }
        assertThat(m.startOffsetNanos(200)).as("the plan ends after rate x duration").isEqualTo(-1);
        assertThat(m.startOffsetNanos(10_000)).isEqualTo(-1);
        assertThat(m.rateAt(S)).isEqualTo(100);
        assertThat(m.plannedDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(m.maxUsers()).isEqualTo(10);
    }

    @Test
    void slowConstantRateIsExactToo() {
        OpenModel m = OpenModel.constant(Rates.perSecond("90/m"), Duration.ofSeconds(10), 1);
        assertThat(m.startOffsetNanos(1)).isEqualTo(666_666_667L);
        assertThat(m.startOffsetNanos(14)).isEqualTo(9_333_333_333L);
        assertThat(m.startOffsetNanos(15)).isEqualTo(-1);
    }

    @Test
    void rampFromZeroFollowsTheIntegralOfTheRate() {
        assertArrivalsFollowTheIntegral(new OpenModel(0, Stage.parseList("10s:100/s"), 10), 500);
    }

    @Test
    void upHoldDownFollowsTheIntegralOfTheRate() {
        // 20 -> 50/s over 5 s (175), 50/s for 10 s (500), 50 -> 0/s over 5 s (125)
        assertArrivalsFollowTheIntegral(new OpenModel(20, Stage.parseList("5s:50/s,10s:50/s,5s:0/s"), 10), 800);
    }

    @Test
    void aQuietStageDelaysTheFirstArrival() {
        OpenModel m = new OpenModel(0, Stage.parseList("10s:0,10s:100"), 10);
        assertThat(m.startOffsetNanos(0)).isEqualTo(10 * S);
        assertThat(m.startOffsetNanos(499)).isBetween(19 * S, 20 * S);
        assertThat(m.startOffsetNanos(500)).isEqualTo(-1);
    }

    @Test
    void rejectsBadPlans() {
        assertThatThrownBy(() -> OpenModel.constant(10, Duration.ofSeconds(1), 0)).hasMessageContaining("max concurrency must be at least 1");
        assertThatThrownBy(() -> new OpenModel(-1, Stage.parseList("1s:1"), 1)).hasMessageContaining("rate cannot be negative");
        assertThatThrownBy(() -> new OpenModel(1, java.util.List.of(), 1)).hasMessageContaining("at least one stage");
    }

    /** Arrivals by time t equal the integral of the rate up to t within one, at every step; the plan ends with -1. */
    private static void assertArrivalsFollowTheIntegral(OpenModel m, long expectedTotal) {
        long end = m.plannedDuration().toNanos();
        long total = 0;
        long previous = 0;
        while (m.startOffsetNanos(total) >= 0) {
            long offset = m.startOffsetNanos(total);
            assertThat(offset).as("offsets never go back").isGreaterThanOrEqualTo(previous).isLessThan(end);
            previous = offset;
            total++;
        }
        assertThat(total).isEqualTo(expectedTotal);
        long step = 1_000_000L; // trapezoids on a 1 ms grid: exact for linear stages
        double integral = 0;
        long k = 0;
        for (long t = step; t <= end; t += step) {
            integral += (m.rateAt(t - step) + m.rateAt(t)) / 2 * (step / 1e9);
            if (t % (S / 4) != 0) {
                continue;
            }
            while (k < total && m.startOffsetNanos(k) <= t) {
                k++;
            }
            assertThat((double) k).as("arrivals by %d ms", t / step).isCloseTo(integral, within(1.000001));
        }
        assertThat(integral).isCloseTo(expectedTotal, within(1e-6));
    }
}
