package io.carga.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private static UserSpec spec(String name, int weight) {
        return new UserSpec(name, weight, () -> null);
    }

    @Test
    void everyPrefixOfStartedUsersFollowsTheWeightsWithinOne() {
        Scenario s = new Scenario("mix", List.of(spec("a", 5), spec("b", 3), spec("c", 2)));
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 0; n < 1000; n++) {
            counts.merge(s.specFor(n).name(), 1, Integer::sum);
            int started = n + 1;
            for (UserSpec u : s.users()) {
                double share = started * u.weight() / 10.0;
                assertThat((double) counts.getOrDefault(u.name(), 0)).as("%s after %d users", u.name(), started)
                        .isBetween(share - 1, share + 1);
            }
        }
        assertThat(counts).containsEntry("a", 500).containsEntry("b", 300).containsEntry("c", 200);
    }

    @Test
    void theFirstUsersAreSpreadRatherThanBunched() {
        Scenario s = new Scenario("mix", List.of(spec("Shopper", 3), spec("Admin", 1)));
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().map(n -> s.specFor(n).name()))
                .containsExactly("Shopper", "Shopper", "Admin", "Shopper", "Shopper", "Shopper", "Admin", "Shopper");
    }

    @Test
    void isAPureFunctionOfN() {
        Scenario s = new Scenario("mix", List.of(spec("a", 2), spec("b", 7)));
        assertThat(s.specFor(12345)).isSameAs(s.specFor(12345));
        assertThat(s.specFor(3)).isSameAs(s.specFor(3 + 9 * 1000));
    }

    @Test
    void oneKindGetsEveryUser() {
        Scenario s = new Scenario("one", List.of(spec("a", 4)));
        assertThat(s.specFor(99).name()).isEqualTo("a");
    }

    @Test
    void rejectsNoKindsAndNonPositiveWeights() {
        assertThatThrownBy(() -> new Scenario("empty", List.of())).hasMessage("scenario empty has no user classes");
        assertThatThrownBy(() -> spec("z", 0)).hasMessage("user class z: weight must be at least 1");
    }
}
