package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "10s, 10000",
            "5m, 300000",
            "1h30m, 5400000",
            "250ms, 250",
            "1.5s, 1500",
            "2h, 7200000",
            "1d, 86400000",
            "1m30s, 90000",
            "30, 30000",
            "0.25, 250",
            "0, 0",
            "0s, 0",
            "' 45s ', 45000"})
    void parsesUnitsAndCombinations(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "s", "-5s", "1.2.3s", "10 s", "5m10", "ten", "1h-5m", "m5"})
    void rejectsMalformedWithTheTextAndAnExample(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed duration '" + text + "' (expected e.g. 30s, 5m, 1h30m, 250ms)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsEmpty(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage("empty duration");
    }

    @ParameterizedTest
    @CsvSource({"250, 250ms", "45000, 45s", "90000, 1m30s", "5400000, 1h30m", "1500, 1.5s", "0, 0ms", "7200000, 2h"})
    void formatsShortAndParsesBack(long millis, String text) {
        Duration d = Duration.ofMillis(millis);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
}
