package io.carga.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.metrics.Histograms;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void onePassGivesExactlyWhatGetValueAtPercentileGives() {
        SplittableRandom r = new SplittableRandom(7);
        double[] ps = {0, 1, 50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
        for (int round = 0; round < 200; round++) {
            Histogram h = Histograms.newHistogram();
            int n = 1 + r.nextInt(round < 20 ? 5 : 5000);
            for (int i = 0; i < n; i++) {
                h.recordValue(1 + (long) Math.exp(r.nextDouble() * 15));
            }
            long[] got = Percentiles.of(h, ps);
            for (int i = 0; i < ps.length; i++) {
                assertThat(got[i]).as("p%s of %d values", ps[i], n).isEqualTo(h.getValueAtPercentile(ps[i]));
            }
        }
    }

    @Test
    void emptyHistogramGivesZeros() {
        assertThat(Percentiles.of(Histograms.newHistogram(), 50, 99)).containsExactly(0, 0);
    }
}
