package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's plan through the real CLI and engine, with a user that needs no network. */
class PlanRunTest {
    @Test
    void theSpecsSmokeStageRunsAndPasses(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("carga.yaml");
        Files.writeString(plan, PlanLoaderTest.specPlan());
        int code = Main.execute("pipeline", "--plan", plan.toString(), "--stages", "smoke", "--scale-time", "0.01",
                "--force", "--out", dir.resolve("out").toString(), "-q", "--seed", "7");
        assertThat(code).isZero();
        Path stage = dir.resolve("out/01-smoke_test");
        JsonNode summary = new ObjectMapper().readTree(stage.resolve("summary.json").toFile());
        assertThat(summary.path("schema_version").asInt()).isEqualTo(4);
        assertThat(summary.path("thresholds")).isNotEmpty();
        assertThat(summary.path("thresholds").findValuesAsText("verdict")).doesNotContain("failed").contains("passed");
        assertThat(Files.readString(stage.resolve("adaptive.json"))).contains("reduce_test_scope");
        assertThat(Files.readString(dir.resolve("out/junit.xml"))).contains("<testsuite name=\"smoke_test\"").contains("failures=\"0\"");
        assertThat(Files.readString(dir.resolve("out/pipeline.json"))).contains("\"exit_code\" : 0");
    }

    @Test
    void aBreachedThresholdExitsOneWithAFailingJUnitCaseAndStopsThePipeline(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("carga.yaml");
        Files.writeString(plan, PlanLoaderTest.specPlan().replace("api_endpoints: \"< 500ms p95\"", "api_endpoints: \"< 1ms p95\""));
        int code = Main.execute("pipeline", "--plan", plan.toString(), "--stages", "smoke,load", "--scale-time", "0.004",
                "--force", "--out", dir.resolve("out").toString(), "-q");
        // 1; or 4 when a busy machine made the generator itself saturated (its figures don't count then).
        assertThat(code).isIn(1, 4);
        String junit = Files.readString(dir.resolve("out/junit.xml"));
        assertThat(junit).contains("failures=\"1\"").contains("<failure message=\"p95{tier=api_endpoints} &lt; 1ms: measured");
        assertThat(dir.resolve("out/02-load_test")).doesNotExist();
    }

    @Test
    void abortOnFailStopsTheRunWithinItsDelayWithExitThree(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("carga.yaml");
        Files.writeString(plan, PlanLoaderTest.specPlan().replace("{threshold: \"error_rate < 50%\", abort_on_fail: true, delay: 30s}",
                "{threshold: \"p95 < 1ms\", abort_on_fail: true, delay: 1s}"));
        long t0 = System.nanoTime();
        int code = Main.execute("run", "--plan", plan.toString(), "--stage", "smoke", "--force", "--duration", "30s",
                "--out", dir.resolve("run").toString(), "-q");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(code).isEqualTo(3);
        assertThat(seconds).isLessThan(10);
        assertThat(Files.readString(dir.resolve("run/junit.xml"))).contains("type=\"aborted\"");
    }

    @Test
    void outsideTheWindowARunNeedsForce(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("carga.yaml");
        // A window that is never now: one minute long, starting two hours from now.
        java.time.LocalTime from = java.time.LocalTime.now(java.time.ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0);
        Files.writeString(plan, PlanLoaderTest.specPlan().replace("Off-peak hours (2AM-6AM UTC-3)",
                from + "-" + from.plusMinutes(1) + " UTC+0"));
        int code = Main.execute("run", "--plan", plan.toString(), "--stage", "smoke", "--out", dir.resolve("run").toString(), "-q");
        assertThat(code).isEqualTo(2);
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void initWritesTheStarterPlanOnce(@TempDir Path dir) {
        Path file = dir.resolve("carga.yaml");
        assertThat(Main.execute("init", file.toString())).isZero();
        assertThat(Main.execute("plan", "check", file.toString())).isZero();
        assertThat(Main.execute("init", file.toString())).isEqualTo(2);
    }
}
