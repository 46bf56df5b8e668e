package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan stage of type capacity runs the stepped search and writes its verdict. */
class CapacityStageTest {
    private static final String PLAN = """
            target: http://127.0.0.1:1
            scenarios:
              journey: {class: %s, weight: 1}
            pipeline:
              test_stages:
                capacity_check:
                  type: capacity
                  scenarios: [journey]
                  capacity: {steps: "2:2:6", hold: 1s, ramp: 1s}
            """.formatted(JourneyUser.class.getName());

    @Test
    void aCapacityStageStepsUsersAndReportsTheMaximumStableLoad(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("carga.yaml");
        Files.writeString(plan, PLAN);
        PlanLoader.class.getName(); // the plan must load before anything runs
        int code = Main.execute("pipeline", "--plan", plan.toString(), "--force", "--out", dir.resolve("out").toString(), "-q");
        assertThat(code).isIn(0, 4); // 4 only when a busy machine saturates the generator
        Path stage = dir.resolve("out/01-capacity_check");
        JsonNode capacity = new ObjectMapper().readTree(stage.resolve("capacity.json").toFile());
        assertThat(capacity.path("steps").size()).as(capacity.toString()).isEqualTo(3);
        JsonNode summary = new ObjectMapper().readTree(stage.resolve("summary.json").toFile());
        assertThat(summary.path("users_peak").asInt()).isEqualTo(6);
        // the scalability assessment takes its current capacity from the capacity stage, and says so
        assertThat(summary.at("/scalability/current_capacity/found").asText()).startsWith("capacity stage");
        assertThat(summary.at("/scalability/current_capacity/max_stable_users").asInt()).isEqualTo(capacity.path("max_stable_users").asInt());
    }

    @Test
    void badCapacityStepsAreALineColumnError(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("carga.yaml");
        Files.writeString(plan, PLAN.replace("2:2:6", "two:2:6"));
        int code = Main.execute("plan", "check", plan.toString());
        assertThat(code).isEqualTo(2);
    }
}
