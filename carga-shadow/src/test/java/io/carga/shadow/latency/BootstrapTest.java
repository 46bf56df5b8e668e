package io.carga.shadow.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void theIntervalHoldsAKnownShiftAndNarrowsWithMorePairs() {
        SplittableRandom r = new SplittableRandom(1);
        PairedLatency few = new PairedLatency(2);
        PairedLatency many = new PairedLatency(3);
        for (int i = 0; i < 5000; i++) {
            long base = 1_000_000 + r.nextLong(4_000_000); // 1-5 ms
            long shift = 20_000_000;                         // +20 ms
            if (i < 200) {
                few.record(base, base + shift);
            }
            many.record(base, base + shift);
        }
        double[] ciFew = few.p99DeltaCiMs(500, 0.95);
        double[] ciMany = many.p99DeltaCiMs(500, 0.95);
        assertThat(ciMany[0]).isLessThanOrEqualTo(20.1);
        assertThat(ciMany[1]).isGreaterThanOrEqualTo(19.9);
        assertThat(ciMany[1] - ciMany[0]).isLessThanOrEqualTo(ciFew[1] - ciFew[0]);
        assertThat(many.count()).isEqualTo(5000);
        assertThat(many.candidateMs(50) - many.primaryMs(50)).isBetween(19.9, 20.1);
    }
}
