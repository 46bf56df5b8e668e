package io.carga.observe;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;

/** Debian's prometheus, started on a free loopback port with a config of the test's, stopped by close. */
public final class RealPrometheus implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final Path dir;
    public final String base;

    private RealPrometheus(Process process, Path dir, String base) {
        this.process = process;
        this.dir = dir;
        this.base = base;
    }

    /** Skips the test (an assumption) where prometheus is not installed; .ci/run installs it. */
    public static RealPrometheus start(Path dir, String configYaml, String... flags) throws Exception {
        assumeThat(Files.isExecutable(BINARY)).as("Debian's prometheus (.ci/run installs it)").isTrue();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("prometheus.yml"), configYaml);
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
        cmd.addAll(List.of(flags));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        RealPrometheus prom = new RealPrometheus(p, dir, "http://127.0.0.1:" + port);
        prom.waitReady();
        return prom;
    }

    private void waitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("prometheus did not get ready: " + Files.readString(dir.resolve("prometheus.log")));
    }

    /** The result vector of an instant query. */
    public JsonNode query(String promql) throws Exception {
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        JsonNode r = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!"success".equals(r.path("status").asText())) {
            throw new AssertionError(promql + " -> " + r);
        }
        return r.at("/data/result");
    }

    /** Polls {@code promql} until it returns a series, or fails after {@code timeout}. */
    public JsonNode await(String promql, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode r;
        do {
            r = query(promql);
            if (!r.isEmpty()) {
                return r;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(promql + " returned nothing within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
