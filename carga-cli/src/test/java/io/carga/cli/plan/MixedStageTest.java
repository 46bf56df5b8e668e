package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.config.RunConfig;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.MixedModel;
import io.carga.core.load.OpenModel;
import io.carga.core.load.Stage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stage whose scenarios give their own loads (the map form), next to the list form. */
class MixedStageTest {
    private static final String PLAN = """
            name: mixed
            target: http://127.0.0.1:1
            scenarios:
              basic_api: {class: %1$s, weight: 2}
              marketing_content: {class: %1$s}
              whatsapp: {class: %1$s}
            pipeline:
              test_stages:
                mixed_test:
                  duration: 10 minutes
                  scenarios:
                    basic_api: {users: 200}
                    marketing_content: {rate: 10/s, max_users: 50}
                    whatsapp: {stages: "1m:5/s,5m:50/s", start_after: 30s}
                listed_test:
                  duration: 1 minute
                  users: 5
                  scenarios: [basic_api, whatsapp]
            """.formatted(JourneyUser.class.getName());

    @Test
    void eachScenarioOfAStageGetsItsOwnLoad() throws Exception {
        Plan p = PlanLoaderTest.load(PLAN);
        Plan.Stage mixed = p.stage("mixed");
        assertThat(mixed.mixed()).isTrue();
        assertThat(mixed.scenarios()).containsExactly("basic_api", "marketing_content", "whatsapp");

        RunConfig config = PlanRun.config(p, mixed, 1.0);
        MixedModel m = (MixedModel) config.load();
        assertThat(m.parts()).extracting(MixedModel.Part::name).containsExactly("basic_api", "marketing_content", "whatsapp");
        assertThat(m.parts().get(0).load()).isEqualTo(ClosedModel.of(200, 0, Duration.ofMinutes(10)));
        assertThat(m.parts().get(0).scenario().users()).singleElement().satisfies(u -> assertThat(u.weight()).isEqualTo(2));
        assertThat(m.parts().get(1).load()).isEqualTo(OpenModel.constant(10, Duration.ofMinutes(10), 50));
        assertThat(m.parts().get(2).load()).isEqualTo(new OpenModel(0, Stage.parseList("1m:5/s,5m:50/s"), 1000));
        assertThat(m.parts().get(2).startAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.scenario().users()).hasSize(3);

        MixedModel scaled = (MixedModel) PlanRun.config(p, mixed, 0.01).load();
        assertThat(scaled.plannedDuration()).as("6 s of closed and open, 3.6 s of ramp after 0.3 s").isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theListFormKeepsOneClosedLoadForTheStage() throws Exception {
        Plan p = PlanLoaderTest.load(PLAN);
        Plan.Stage listed = p.stage("listed");
        assertThat(listed.mixed()).isFalse();
        assertThat(listed.scenarios()).containsExactly("basic_api", "whatsapp");
        RunConfig config = PlanRun.config(p, listed, 1.0);
        assertThat(config.load()).isEqualTo(ClosedModel.of(5, 0, Duration.ofMinutes(1)));
        assertThat(config.scenario().users()).extracting(u -> u.weight()).containsExactly(2, 1);
    }

    @Test
    void mistakesInTheMapFormPointAtTheirScenario() {
        String bad = PLAN.replace("marketing_content: {rate: 10/s, max_users: 50}", "marketing: {rate: 10/s, max_users: 50}")
                .replace("basic_api: {users: 200}", "basic_api: {rate: fast}");
        assertThatThrownBy(() -> PlanLoaderTest.load(bad)).isInstanceOfSatisfying(PlanException.class, e ->
                assertThat(e.problems()).extracting(PlanException.Problem::message).anySatisfy(m ->
                        assertThat(m).contains("unknown scenario 'marketing'").contains("marketing_content"))
                        .anySatisfy(m -> assertThat(m).contains("malformed rate 'fast'")));
        String typo = PLAN.replace("{users: 200}", "{user: 200}");
        assertThatThrownBy(() -> PlanLoaderTest.load(typo)).isInstanceOf(PlanException.class).hasMessageContaining("user");
    }
}
