package io.carga.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --target-metrics}: the reference target with only its database made slow (the injected fault holds each
 * query's connection 20 ms, in a pool of 2), users raised from 1 to 8. The database's own latency grows with the
 * load and is named the bottleneck; the target's HTTP latency grew too, and is the symptom.
 */
@Timeout(180)
class BottlenecksTest {
    @TempDir
    Path dir;

    @Test
    void aSlowDatabaseIsFoundFromTheTargetsOwnMetrics() throws Exception {
        Path scenario = Files.writeString(dir.resolve("Health.java"), """
                import io.carga.core.api.*;
                import io.carga.http.HttpUser;

                public class Health extends HttpUser {
                    public WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void health() { http().get("/health").send(); }
                }
                """);
        Path out = dir.resolve("out");
        int code;
        try (PlatformSim sim = PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(0).quotaScale(0).passwordIterations(1000)
                .seed(new Seeder.Plan(10, 10, 0, 0)).dbPoolSize(2).dbExtraLatencyMs(20).build())) {
            code = Main.execute("run", scenario.toString(), "--target", sim.baseUrl(), "--stages", "1s:1,5s:1,1s:8,6s:8",
                    "--target-metrics", sim.baseUrl() + "/metrics", "--out", out.toString(), "-q");
        }
        assertThat(code).isIn(0, 4);
        assertThat(out.resolve("target_metrics.jsonl")).isNotEmptyFile();
        JsonNode b = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/scalability/bottlenecks");
        assertThat(b.path("low_users").asInt()).isEqualTo(1);
        assertThat(b.path("high_users").asInt()).isEqualTo(8);
        JsonNode db = b.at("/families/database_query_duration_seconds");
        assertThat(db.path("kind").asText()).isEqualTo("database");
        assertThat(db.path("low_ms").asDouble()).as("one user: the fault's 20 ms, no queue").isBetween(19.0, 40.0);
        assertThat(db.path("growth").asDouble()).as("8 users on 2 connections queue").isGreaterThan(2);
        JsonNode http = b.at("/families/http_request_duration_seconds");
        assertThat(http.path("kind").asText()).isEqualTo("http");
        assertThat(http.path("added_ms").asDouble()).as("the symptom").isPositive();
        assertThat(b.path("bottleneck").asText()).isEqualTo("database");
        assertThat(b.path("found").asText()).startsWith("database: database_query_duration_seconds went from").contains("symptom");
        assertThat(Files.readString(out.resolve("report.html"))).contains("\"bottleneck\":\"database\"");
    }
}
