package io.carga.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How values are shown: money keeps enough digits to be non-zero, with its currency. */
class KindTest {
    @Test
    void smallAmountsOfMoneyKeepThreeSignificantDigits() {
        assertThat(Kind.MONEY.format(0.0005, "R$")).isEqualTo("R$ 0.0005");
        assertThat(Kind.MONEY.format(0.000512345, "R$")).isEqualTo("R$ 0.000512");
        assertThat(Kind.MONEY.format(0.01, "R$")).isEqualTo("R$ 0.01");
    }

    @Test
    void amountsFromOneUnitUpShowCents() {
        assertThat(Kind.MONEY.format(12, "R$")).isEqualTo("R$ 12.00");
        assertThat(Kind.MONEY.format(1.234, null)).isEqualTo("1.23");
        assertThat(Kind.MONEY.format(0, "R$")).isEqualTo("R$ 0.00");
    }
}
