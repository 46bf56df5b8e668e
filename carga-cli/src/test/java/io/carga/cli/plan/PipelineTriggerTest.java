package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carga pipeline --trigger NAME} runs the stages the plan maps to that trigger, through the real engine. */
class PipelineTriggerTest {
    static final String PLAN = """
            version: 1
            scenarios:
              journey: {class: %s}
            pipeline:
              triggers: ["nightly: 3:00 AM UTC-3", "merge: on PR merge"]
              test_stages:
                smoke: {duration: 1s, users: 1}
                soak: {duration: 1s, users: 1, triggers: [nightly]}
                gate: {duration: 1s, users: 1, triggers: [merge]}
            """.formatted(JourneyUser.class.getName());

    @TempDir
    Path dir;

    @Test
    void aTriggerRunsItsStagesAndThoseForEveryTrigger() throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), PLAN);
        int code = Main.execute("pipeline", "--plan", plan.toString(), "--trigger", "merge", "--force", "--out", dir.resolve("out").toString(), "-q");
        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/pipeline.json").toFile());
        assertThat(report.path("trigger").asText()).isEqualTo("merge");
        assertThat(report.path("stages").findValuesAsText("name")).containsExactly("smoke", "gate");
        assertThat(dir.resolve("out/02-gate/summary.json")).exists();
    }

    @Test
    void anUnknownTriggerIsOneLineAndExitTwo() throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), PLAN);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("pipeline", "--plan", plan.toString(), "--trigger", "nigthly", "--force", "--out", dir.resolve("out").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()))
                .containsExactly("carga: no trigger 'nigthly' in carga.yaml (did you mean 'nightly'?)");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
