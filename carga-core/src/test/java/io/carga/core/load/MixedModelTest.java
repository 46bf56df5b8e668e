package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.api.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixedModelTest {
    private static final Scenario USERS = new Scenario("s", List.of(new UserSpec("U", 1, () -> (User) null)));

    @Test
    void theLongestPartIsThePlanAndTheUsersAddUp() {
        MixedModel m = new MixedModel(List.of(
                new MixedModel.Part("browse", USERS, ClosedModel.of(200, 0, Duration.ofMinutes(10)), Duration.ZERO),
                new MixedModel.Part("ai", USERS, OpenModel.constant(10, Duration.ofMinutes(5), 50), Duration.ofMinutes(6))));

        assertThat(m.plannedDuration()).isEqualTo(Duration.ofMinutes(11));
        assertThat(m.maxUsers()).isEqualTo(250);
        assertThat(m.tagged()).isTrue();
        assertThat(m.describe()).startsWith("2 scenarios: browse (closed: up to 200 users for 10m); ai (open: ")
                .endsWith(", after 6m)");
    }

    @Test
    void namesAreUniqueAndFitATag() {
        var closed = ClosedModel.of(1, 0, Duration.ofSeconds(1));
        assertThatThrownBy(() -> new MixedModel(List.of(new MixedModel.Part("a", USERS, closed, null),
                new MixedModel.Part("a", USERS, closed, null)))).hasMessageContaining("two scenarios are named a");
        assertThatThrownBy(() -> new MixedModel.Part("a,b", USERS, closed, null)).hasMessageContaining("letters, digits");
    }
}
