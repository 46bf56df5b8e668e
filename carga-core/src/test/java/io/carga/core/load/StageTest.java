package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageTest {

    @Test
    void parsesUserStages() {
        assertThat(Stage.parseList("30s:100,5m:100,30s:0")).containsExactly(
                new Stage(Duration.ofSeconds(30), 100), new Stage(Duration.ofMinutes(5), 100),
                new Stage(Duration.ofSeconds(30), 0));
    }

    @Test
    void parsesRateStagesAsPerSecond() {
        List<Stage> stages = Stage.parseList("1m:200/s, 30s:600/m");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).isEqualTo(new Stage(Duration.ofMinutes(1), 200));
        assertThat(stages.get(1).target()).isCloseTo(10, within(1e-12));
    }

    @Test
    void aRateStageMayRampDownToZero() {
        assertThat(Stage.parseList("1m:100/s,30s:0/s")).containsExactly(
                new Stage(Duration.ofMinutes(1), 100), new Stage(Duration.ofSeconds(30), 0));
        assertThatThrownBy(() -> Stage.parseList("30s:-1/s")).hasMessage("rate must be positive: '-1/s'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30s100        | malformed stage '30s100' (expected duration:target, e.g. 30s:100)",
            "30s:          | malformed stage '30s:' (expected duration:target, e.g. 30s:100)",
            ":100          | malformed stage ':100' (expected duration:target, e.g. 30s:100)",
            "30s:10,5m     | malformed stage '5m' (expected duration:target, e.g. 30s:100)",
            "30s:abc       | malformed stage target 'abc' in '30s:abc'",
            "30s:-5        | stage target cannot be negative in '30s:-5'",
            "10x:5         | malformed duration '10x' (expected e.g. 30s, 5m, 1h30m, 250ms)",
            "10s:5/q       | malformed rate '5/q' (expected e.g. 100/s, 6000/m)"})
    void rejectsMalformedWithTheFaultyPart(String text, String message) {
        assertThatThrownBy(() -> Stage.parseList(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectsEmpty() {
        assertThatThrownBy(() -> Stage.parseList(" ")).hasMessage("empty stages");
        assertThatThrownBy(() -> Stage.parseList(null)).hasMessage("empty stages");
    }

    @Test
    void interpolatesLinearlyAndHoldsTheLastTarget() {
        List<Stage> stages = Stage.parseList("10s:100,10s:100,10s:0");
        assertThat(Stage.total(stages)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Stage.targetAt(stages, 0, 0)).isZero();
        assertThat(Stage.targetAt(stages, 0, 5_000_000_000L)).isCloseTo(50, within(1e-9));
        assertThat(Stage.targetAt(stages, 0, 15_000_000_000L)).isCloseTo(100, within(1e-9));
        assertThat(Stage.targetAt(stages, 0, 25_000_000_000L)).isCloseTo(50, within(1e-9));
        assertThat(Stage.targetAt(stages, 0, 99_000_000_000L)).isZero();
        assertThat(Stage.targetAt(stages, 20, 5_000_000_000L)).isCloseTo(60, within(1e-9));
    }

    @Test
    void aStageCannotBeNegative() {
        assertThatThrownBy(() -> new Stage(Duration.ofSeconds(-1), 1)).hasMessageContaining("negative time");
        assertThatThrownBy(() -> new Stage(Duration.ofSeconds(1), Double.NaN)).hasMessageContaining("cannot be negative");
    }
}
