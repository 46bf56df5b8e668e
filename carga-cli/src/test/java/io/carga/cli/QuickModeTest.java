package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code carga run --url}: the wrk-like quick mode against a real HTTP server on loopback. */
@Timeout(60)
class QuickModeTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicLong served = new AtomicLong();
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/ping", ex -> {
            served.incrementAndGet();
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private JsonNode summary(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void closedLoopWithoutWarmupRecordsEveryRequestTheServerSaw() throws Exception {
        Path out = dir.resolve("cold");
        Cli.Result r = Cli.run("run", "--url", url, "--connections", "4", "--duration", "1s", "--warmup", "0",
                "--out", out.toString(), "-q");

        assertThat(r.exit()).as(r.err()).isIn(ExitCode.OK.code(), ExitCode.INVALID_RUN.code());
        assertThat(r.out()).doesNotContain("warming up");
        JsonNode s = summary(out);
        assertThat(s.at("/requests/GET ~1ping/count").asLong()).isPositive();
        assertThat(s.at("/total/errors").asLong()).isZero();
        assertThat(s.path("users_peak").asInt()).isEqualTo(4);
        assertThat(s.at("/total/count").asLong()).isEqualTo(served.get());
    }

    @Test
    void quickModeWarmsUpByDefaultAndLeavesTheWarmupOutOfTheFigures() throws Exception {
        Path out = dir.resolve("warm");
        Cli.Result r = Cli.run("run", "--url", url, "--connections", "2", "--duration", "1s",
                "--out", out.toString(), "-q");

        assertThat(r.exit()).as(r.err()).isIn(ExitCode.OK.code(), ExitCode.INVALID_RUN.code());
        assertThat(r.out()).contains("warming up");
        long recorded = summary(out).at("/total/count").asLong();
        assertThat(recorded).isPositive();
        assertThat(served.get()).as("the 2 s warm-up sent requests that the 1 s run did not record")
                .isGreaterThan(recorded);
        assertThat(summary(out).path("duration_s").asDouble()).isLessThan(1.9);
    }

    @Test
    void zeroCarrierThreadsIsAUsageError() {
        Cli.Result r = Cli.run("run", "--url", url, "--cpus", "0", "--duration", "1s", "--out", dir.resolve("x").toString());

        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).hasSize(1).first().asString().contains("--cpus");
        assertThat(served.get()).isZero();
    }
}
