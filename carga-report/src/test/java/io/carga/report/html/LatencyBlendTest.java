package io.carga.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carga.report.results.LatencyFigures;
import org.junit.jupiter.api.Test;

class LatencyBlendTest {
    private static LatencyFigures figures(long min, long mean, long base, long max) {
        long[] p = new long[11];
        for (int i = 0; i < 10; i++) {
            p[i] = base + i * 1_000L;
        }
        p[10] = max;
        return new LatencyFigures(min, mean, p);
    }

    @Test
    void oneIntervalKeepsItsOwnFigures() {
        LatencyBlend b = new LatencyBlend();
        b.add(figures(1_000, 12_345, 10_000, 90_000), 7);
        assertThat(b.percentilesMs()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 90);
        assertThat(b.meanMs()).isEqualTo(12.345);
        assertThat(b.minMs()).isEqualTo(1);
        assertThat(b.medianMs()).isEqualTo(10);
    }

    @Test
    void severalIntervalsAverageTheirPercentilesByRequestsAndKeepTheExtremes() {
        LatencyBlend b = new LatencyBlend();
        b.add(figures(2_000, 10_000, 10_000, 50_000), 3);
        b.add(figures(500, 30_000, 30_000, 40_000), 1);
        b.add(null, 5); // an interval without figures weighs nothing
        assertThat(b.medianMs()).isCloseTo(15, within(1e-9));
        assertThat(b.meanMs()).isCloseTo(15, within(1e-9));
        assertThat(b.minMs()).isEqualTo(0.5);
        assertThat(b.maxMs()).isEqualTo(50);

        LatencyBlend sum = new LatencyBlend();
        sum.add(b);
        assertThat(sum.percentilesMs()).containsExactly(b.percentilesMs());
    }

    @Test
    void nothingAddedIsAllZeros() {
        assertThat(new LatencyBlend().percentilesMs()).containsOnly(0);
        assertThat(new LatencyBlend().minMs()).isZero();
    }
}
