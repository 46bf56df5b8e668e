package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file of three scenarios, each with its own load, run against a loopback server. */
@Timeout(90)
class MixedScenariosTest {
    private static final String FILE = """
            import io.carga.core.api.*;
            import io.carga.http.HttpUser;

            public class Mixed {
                @Load(value = "3 users", scenario = "browse")
                public static class Browse extends HttpUser {
                    public WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void page() { http().get("/page").send(); }
                }

                @Load(value = "20/s max 10", scenario = "generate")
                public static class Generate extends HttpUser {
                    @Task void generate() { http().post("/generate").text("x", "text/plain").send(); }
                }

                @Load(value = "1s:20/s max 10 after 200ms", scenario = "hooks")
                public static class Hook extends HttpUser {
                    @Task void hook() { http().post("/hook").text("x", "text/plain").send(); }
                }
            }
            """;

    @TempDir
    Path dir;

    private HttpServer server;
    private String target;

    @BeforeEach
    void startServer() throws Exception {
        server = Cli.loopback(ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/hook") ? 500 : 200, 2);
            ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        target = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void oneRunGivesFiguresPerScenarioThatAddUpAndSurviveARebuild() throws Exception {
        Path file = Files.writeString(dir.resolve("Mixed.java"), FILE);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", file.toString(), "--target", target, "--duration", "1500ms", "--out", out.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isIn(0, 1);
        assertThat(r.out()).contains("scenario browse:").contains("scenario generate:").contains("scenario hooks:");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode sc = summary.path("scenarios");
        assertThat(sc.fieldNames()).toIterable().containsExactly("browse", "generate", "hooks");
        assertThat(sc.path("browse").path("load").asText()).isEqualTo("closed: up to 3 users for 1.5s");
        assertThat(sc.path("browse").path("users_peak").asInt()).isEqualTo(3);
        assertThat(sc.path("generate").path("count").asLong()).as("20/s for 1.5 s").isBetween(27L, 31L);
        assertThat(sc.path("generate").has("dropped_iterations")).isTrue();
        assertThat(sc.path("hooks").path("count").asLong()).as("a ramp to 20/s over 1 s").isBetween(8L, 11L);
        assertThat(sc.path("hooks").path("error_rate").asDouble()).isEqualTo(1.0);
        assertThat(sc.path("browse").path("errors").asLong()).isZero();
        long sum = 0;
        long errors = 0;
        for (JsonNode s : sc) {
            sum += s.path("count").asLong();
            errors += s.path("errors").asLong();
            assertThat(s.path("latency_ms").path("p95").asDouble()).isPositive();
        }
        assertThat(sum).isEqualTo(summary.path("total").path("count").asLong());
        assertThat(errors).isEqualTo(summary.path("total").path("errors").asLong());
        assertThat(Files.readString(out.resolve("report.html"))).contains("scenarios-body");

        Cli.Result rebuilt = Cli.run("report", out.toString());
        assertThat(rebuilt.exit()).as(rebuilt.err()).isIn(0, 1);
        JsonNode again = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("scenarios");
        assertThat(again).isEqualTo(sc);
    }

    @Test
    void loadOptionsOnSuchAFileAreAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("Mixed.java"), FILE);
        Cli.Result r = Cli.run("run", file.toString(), "--target", target, "--users", "5", "--out", dir.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("give their own loads (@Load); only --duration applies");
    }
}
