package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carga.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carga plan ci}: a GitHub Actions workflow from the plan's own triggers. */
class PlanCiTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theStartersTriggersBecomeTheWorkflowsEvents(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), InitCommand.starter());
        Path out = dir.resolve(".github/workflows/load-tests.yml");
        assertThat(Main.execute("plan", "ci", plan.toString(), "-o", out.toString())).isZero();
        JsonNode w = YAML.readTree(out.toFile());
        assertThat(names(w.path("on"))).containsExactly("schedule", "push", "workflow_dispatch");
        assertThat(w.path("on").path("schedule").get(0).path("cron").asText()).isEqualTo("0 6 * * *");
        assertThat(w.path("on").path("push").path("branches").get(0).asText()).isEqualTo("main");
        assertThat(w.path("on").path("workflow_dispatch").path("inputs").path("trigger").path("options").toString())
                .isEqualTo("[\"daily\",\"pre_deploy\",\"manual\"]");
        assertThat(names(w.path("jobs"))).containsExactly("daily", "pre_deploy", "manual");
        JsonNode daily = w.path("jobs").path("daily");
        assertThat(daily.path("if").asText()).isEqualTo("(github.event_name == 'schedule' && github.event.schedule == '0 6 * * *')"
                + " || (github.event_name == 'workflow_dispatch' && inputs.trigger == 'daily')");
        // smoke 5 min + load 30 + stress 60 + endurance cut at auto_shutdown's 2 h, plus setup.
        assertThat(daily.path("timeout-minutes").asInt()).isEqualTo(5 + 30 + 60 + 120 + 20);
        assertThat(run(daily)).contains("./carga pipeline --plan " + plan + " --trigger daily --out results/ci -q ${{ inputs.force && '--force' || '' }}");
        assertThat(w.path("jobs").path("pre_deploy").path("if").asText())
                .isEqualTo("(github.event_name == 'push') || (github.event_name == 'workflow_dispatch' && inputs.trigger == 'pre_deploy')");
        assertThat(run(w.path("jobs").path("pre_deploy"))).contains("./carga pipeline --plan " + plan + " --trigger pre_deploy --out results/ci -q --force");
        assertThat(w.path("jobs").path("manual").path("if").asText()).isEqualTo("github.event_name == 'workflow_dispatch' && inputs.trigger == 'manual'");
        assertThat(daily.path("steps").findValues("env")).as("the starter's ${env:...} is in a comment").isEmpty();
        assertThat(w.path("jobs").path("manual").path("steps").findValuesAsText("uses"))
                .contains("actions/setup-java@v4", "mikepenz/action-junit-report@v4", "actions/upload-artifact@v4");
    }

    @Test
    void thePlansSecretsComeFromTheRepositorysSecrets(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), """
                version: 1
                properties:
                  http.header.Authorization: "Bearer ${env:PATH}"
                pipeline:
                  triggers: ["nightly: 23:30 UTC-3"]
                  test_stages:
                    smoke: {duration: 1m, users: 1}
                """);
        Path out = dir.resolve("w.yml");
        // Loading the plan reads the variable, so it must be set here: PATH is.
        assertThat(Main.execute("plan", "ci", plan.toString(), "-o", out.toString())).isZero();
        JsonNode w = YAML.readTree(out.toFile());
        assertThat(names(w.path("on"))).containsExactly("schedule");
        assertThat(w.path("on").path("schedule").get(0).path("cron").asText()).isEqualTo("30 2 * * *");
        JsonNode step = w.path("jobs").path("nightly").path("steps").findParents("run").stream()
                .filter(s -> s.path("run").asText().contains("--trigger nightly")).findFirst().orElseThrow();
        assertThat(step.path("run").asText()).endsWith("--out results/ci -q");
        assertThat(step.path("env").path("PATH").asText()).isEqualTo("${{ secrets.PATH }}");
    }

    @Test
    void aPlanWithoutTriggersHasNoWorkflow(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), "version: 1\npipeline:\n  test_stages:\n    smoke: {duration: 1m, users: 1}\n");
        assertThat(Main.execute("plan", "ci", plan.toString())).isEqualTo(2);
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String run(JsonNode job) {
        return String.join("\n", job.path("steps").findValuesAsText("run"));
    }
}
