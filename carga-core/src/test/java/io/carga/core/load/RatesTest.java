package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RatesTest {

    @ParameterizedTest
    @CsvSource({"100/s, 100", "6000/m, 100", "36000/h, 10", "2.5/s, 2.5", "100, 100", "30/m, 0.5", "' 7/s ', 7"})
    void convertsToPerSecond(String text, double perSecond) {
        assertThat(Rates.perSecond(text)).isCloseTo(perSecond, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc/s", "100/x", "100/", "/s", "100/sec", "1e/s", "100//s"})
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> Rates.perSecond(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed rate '" + text + "' (expected e.g. 100/s, 6000/m)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/s", "-5/s", "0", "NaN/s", "Infinity/m"})
    void rejectsRatesThatAreNotPositive(String text) {
        assertThatThrownBy(() -> Rates.perSecond(text)).hasMessage("rate must be positive: '" + text + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsEmpty(String text) {
        assertThatThrownBy(() -> Rates.perSecond(text)).hasMessage("empty rate");
    }
}
