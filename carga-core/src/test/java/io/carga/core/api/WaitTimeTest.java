package io.carga.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaitTimeTest {
    private static final long S = 1_000_000_000L;
    private final SplittableRandom random = new SplittableRandom(3);

    @Test
    void noneNeverWaits() {
        assertThat(WaitTime.none().nanosAfter(0, 5 * S, random)).isZero();
    }

    @Test
    void betweenIsUniformWithinItsBounds() {
        WaitTime w = WaitTime.between(2, 8);
        LongSummaryStatistics stats = new LongSummaryStatistics();
        for (int i = 0; i < 100_000; i++) {
            stats.accept(w.nanosAfter(0, 0, random));
        }
        assertThat(stats.getMin()).isBetween(2 * S, 2 * S + S / 100);
        assertThat(stats.getMax()).isBetween(8 * S - S / 100, 8 * S);
        assertThat(stats.getAverage()).isBetween(4.98e9, 5.02e9);
    }

    @Test
    void betweenWithEqualBoundsIsConstant() {
        assertThat(WaitTime.between(1.5, 1.5).nanosAfter(0, 0, random)).isEqualTo(1_500_000_000L);
    }

    @Test
    void constantIgnoresHowLongTheTaskTook() {
        WaitTime w = WaitTime.constant(0.25);
        assertThat(w.nanosAfter(0, 0, random)).isEqualTo(250_000_000L);
        assertThat(w.nanosAfter(0, 10 * S, random)).isEqualTo(250_000_000L);
    }

    @Test
    void constantPacingSubtractsTheTaskTime() {
        WaitTime w = WaitTime.constantPacing(1);
        long start = 7 * S;
        assertThat(w.nanosAfter(start, start + 300_000_000L, random)).isEqualTo(700_000_000L);
        assertThat(w.nanosAfter(start, start + S, random)).isZero();
        assertThat(w.nanosAfter(start, start + 3 * S, random)).as("a slow task means no wait, never a negative one").isZero();
    }

    @Test
    void constantThroughputIsPacingAtOneOverTheRate() {
        WaitTime w = WaitTime.constantThroughput(4);
        assertThat(w.nanosAfter(0, 50_000_000L, random)).isEqualTo(200_000_000L);
    }

    @Test
    void rejectsNegativeAndInvertedBounds() {
        assertThatThrownBy(() -> WaitTime.between(5, 2)).hasMessageContaining("need 0 <= min <= max");
        assertThatThrownBy(() -> WaitTime.between(-1, 2)).hasMessageContaining("need 0 <= min <= max");
        assertThatThrownBy(() -> WaitTime.constant(-1)).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> WaitTime.constantThroughput(0)).hasMessageContaining("positive rate");
    }
}
