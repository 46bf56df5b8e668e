package io.carga.pgbench.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrngTest {

    /**
     * Values printed by {@code pgbench --random-seed=1234 --debug} (PostgreSQL 15) for one client:
     * the client's generator is seeded first from the base sequence, then {@code :default_seed}.
     */
    @Test
    void reproducesPgbenchSequenceForASeed() {
        Prng base = new Prng(1234);
        Prng client = new Prng(base.nextLong());
        assertThat(base.nextLong()).isEqualTo(-5870543891441561991L);
        assertThat(Functions.random(client, 1, 1000000)).isEqualTo(970310);
        assertThat(Functions.random(client, 1, 1000000)).isEqualTo(691719);
        assertThat(Functions.randomGaussian(client, 1, 1000, 2.5)).isEqualTo(11);
        assertThat(Functions.randomExponential(client, 1, 1000, 2.5)).isEqualTo(274);
        assertThat(Functions.randomZipfian(client, 1, 1000, 1.5)).isEqualTo(4);
    }

    @Test
    void uniformDistributionStatistics() {
        Prng rng = new Prng(7);
        int n = 200_000;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            long v = Functions.random(rng, 1, 100);
            assertThat(v).isBetween(1L, 100L);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(50.5, within(0.3));
        assertThat(Math.sqrt(sum2 / n - mean * mean)).isCloseTo(28.866, within(0.3)); // sqrt((100^2-1)/12)
    }

    @Test
    void gaussianAndExponentialStatistics() {
        Prng rng = new Prng(11);
        int n = 200_000;
        double gs = 0, gs2 = 0, es = 0;
        for (int i = 0; i < n; i++) {
            long g = Functions.randomGaussian(rng, 1, 1000, 4.0);
            gs += g;
            gs2 += (double) g * g;
            es += Functions.randomExponential(rng, 1, 1000, 5.0);
        }
        double gmean = gs / n;
        assertThat(gmean).isCloseTo(500.5, within(2.0));
        // truncated at 4 sigma over 1000 values: sigma = 1000 / 8 = 125
        assertThat(Math.sqrt(gs2 / n - gmean * gmean)).isCloseTo(125, within(2.0));
        // exponential with cut-off e^-5 over [0, 1): mean = 1/5 - e^-5 / (1 - e^-5), times 1000
        double expected = 1000 * (0.2 - Math.exp(-5) / (1 - Math.exp(-5)));
        assertThat(es / n).isCloseTo(expected + 0.5, within(2.0));
    }

    @Test
    void zipfianFavoursSmallValues() {
        Prng rng = new Prng(3);
        int n = 100_000, ones = 0;
        for (int i = 0; i < n; i++) if (Functions.randomZipfian(rng, 1, 1000, 2.0) == 1) ones++;
        // P(1) = 1 / H(1000, 2) ~ 1 / 1.6439 = 0.6083
        assertThat(ones / (double) n).isCloseTo(0.6083, within(0.01));
    }
}
