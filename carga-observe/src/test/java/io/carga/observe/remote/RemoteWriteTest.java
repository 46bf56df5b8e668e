package io.carga.observe.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.IntervalSnapshot;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a real Prometheus started with its remote-write receiver, then asks it what it stored. */
@Timeout(60)
class RemoteWriteTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void prometheusStoresWhatCargaPushes() throws Exception {
        assumeThat(Files.isExecutable(PROMETHEUS)).as("Debian's prometheus (.ci/run installs it)").isTrue();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1s}\n");
        Process prom = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver").redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitReady(base);
            PrometheusRegistry registry = new PrometheusRegistry();
            Counter.builder().name("carga_requests").labelNames("request").register(registry).labelValues("GET /ping").inc(42);
            Histogram h = Histogram.builder().name("carga_request_duration_seconds").classicUpperBounds(0.1, 0.5)
                    .register(registry);
            h.observe(0.05);
            h.observe(0.3);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            RemoteWrite rw = new RemoteWrite(base + "/api/v1/write", registry, "test:1", new PrintStream(console, true));
            long now = System.currentTimeMillis();
            rw.interval(new IntervalSnapshot(0, now - 1000, now, 1, 1, 0, List.of(), CustomInterval.EMPTY, null));
            rw.finish(null);

            assertThat(console.toString()).as("no push failed").isEmpty();
            assertThat(value(base, "carga_requests_total{request=\"GET /ping\",job=\"carga\",instance=\"test:1\"}")).isEqualTo(42);
            assertThat(value(base, "carga_request_duration_seconds_bucket{le=\"0.1\"}")).isEqualTo(1);
            assertThat(value(base, "carga_request_duration_seconds_count")).isEqualTo(2);
        } finally {
            prom.destroy();
            prom.waitFor();
        }
    }

    @Test
    void aBadUrlIsOneLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RemoteWrite("ftp://x", new PrometheusRegistry(), "i", System.out))
                .hasMessage("--remote-write ftp://x: expected an http:// or https:// URL");
    }

    private void waitReady(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus did not get ready; see " + dir.resolve("log"));
    }

    private double value(String base, String query) throws Exception {
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        JsonNode r = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode result = r.at("/data/result");
        assertThat(result.size()).as(query + " -> " + r).isEqualTo(1);
        return result.get(0).at("/value/1").asDouble();
    }
}
