package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosedModelTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void withoutSpawnRateAllUsersStartAtOnceAndStayForTheDuration() {
        ClosedModel m = ClosedModel.of(10, 0, Duration.ofSeconds(60));
        assertThat(m.usersAt(0)).isEqualTo(10);
        assertThat(m.usersAt(30 * S)).isEqualTo(10);
        assertThat(m.usersAt(60 * S - 1)).isEqualTo(10);
        assertThat(m.plannedDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.maxUsers()).isEqualTo(10);
    }

    @Test
    void spawnRateStartsTheKthUserAtKMinusOneOverTheRate() {
        double rate = 2;
        ClosedModel m = ClosedModel.of(10, rate, Duration.ofSeconds(60));
        assertThat(m.usersAt(1)).as("the first user starts at once").isEqualTo(1);
        for (int k = 2; k <= 10; k++) {
            long due = Math.round((k - 1) / rate * S);
            assertThat(m.usersAt(due - MS)).as("just before user %d is due", k).isEqualTo(k - 1);
            assertThat(m.usersAt(due + MS)).as("just after user %d is due", k).isEqualTo(k);
        }
        assertThat(m.usersAt(59 * S)).isEqualTo(10);
        assertThat(m.plannedDuration()).as("the ramp is part of the duration").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRampLongerThanTheDurationIsCutAtTheDuration() {
        ClosedModel m = ClosedModel.of(100, 1, Duration.ofSeconds(10));
        assertThat(m.plannedDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(m.usersAt(5 * S + MS)).isEqualTo(6);
        assertThat(m.usersAt(10 * S - MS)).isEqualTo(10);
    }

    @Test
    void stagesRampUpHoldAndDown() {
        ClosedModel m = new ClosedModel(Stage.parseList("10s:10,10s:10,10s:0"));
        assertThat(m.usersAt(0)).isZero();
        assertThat(m.usersAt(5 * S)).isEqualTo(5);
        assertThat(m.usersAt(5 * S + 10 * MS)).as("rounded up").isEqualTo(6);
        assertThat(m.usersAt(10 * S)).isEqualTo(10);
        assertThat(m.usersAt(15 * S)).isEqualTo(10);
        assertThat(m.usersAt(25 * S)).isEqualTo(5);
        assertThat(m.usersAt(30 * S - 10 * MS)).isEqualTo(1);
        assertThat(m.usersAt(30 * S)).isZero();
        assertThat(m.plannedDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(m.maxUsers()).isEqualTo(10);
        assertThat(m.describe()).isEqualTo("closed: up to 10 users for 30s");
    }

    @Test
    void aStageOfZeroLengthJumpsAtOnce() {
        ClosedModel m = new ClosedModel(Stage.parseList("0s:7,1m:7"));
        assertThat(m.usersAt(0)).isEqualTo(7);
    }

    @Test
    void rejectsNoUsersAndNoStages() {
        assertThatThrownBy(() -> ClosedModel.of(0, 1, Duration.ofSeconds(1))).hasMessage("users must be at least 1, was 0");
        assertThatThrownBy(() -> ClosedModel.of(-3, 1, Duration.ofSeconds(1))).hasMessage("users must be at least 1, was -3");
        assertThatThrownBy(() -> new ClosedModel(java.util.List.of())).hasMessageContaining("at least one stage");
    }
}
