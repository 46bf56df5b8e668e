package io.carga.cli.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's /usr/bin/prometheus) for tests: its own temporary folder for config and
 * data, a free loopback port, scrapes and rule evaluations every second so a test of tens of seconds
 * sees alerts go pending and fire. The test is skipped (an assumption) only where the binary is absent.
 *
 * <pre>{@code
 * try (PrometheusProcess prom = PrometheusProcess.builder().scrape("sim", sim.baseUrl() + "/metrics")
 *         .rules(rulesFile).start()) {
 *     prom.awaitTargetsUp(Duration.ofSeconds(15));                     // before the load starts
 *     JsonNode result = prom.query("sum(cost_per_ai_request_sum)");   // data.result of an instant query
 *     JsonNode alerts = prom.alerts();                                  // data.alerts of /api/v1/alerts
 * }
 * }</pre>
 */
public final class PrometheusProcess implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final Path dir;
    private final String base;

    private PrometheusProcess(Process process, Path dir, String base) {
        this.process = process;
        this.dir = dir;
        this.base = base;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the Prometheus will scrape, which rules it loads, and any extra command-line flags. */
    public static final class Builder {
        private final List<String[]> targets = new ArrayList<>();
        private Path rules;
        private final List<String> flags = new ArrayList<>();

        private Builder() {
        }

        /** Scrapes {@code metricsUrl} (e.g. {@code http://127.0.0.1:40123/metrics}) as job {@code job}. */
        public Builder scrape(String job, String metricsUrl) {
            URI u = URI.create(metricsUrl);
            targets.add(new String[] {job, u.getScheme(), u.getHost() + ":" + u.getPort(), u.getRawPath()});
            return this;
        }

        /** A rules file (as {@code carga plan alerts} writes it), evaluated every second. */
        public Builder rules(Path file) {
            this.rules = file.toAbsolutePath();
            return this;
        }

        /** e.g. {@code --enable-feature=native-histograms}, {@code --web.enable-remote-write-receiver}. */
        public Builder flags(String... extra) {
            flags.addAll(List.of(extra));
            return this;
        }

        /** Starts it and returns once {@code /-/ready} answers 200. */
        public PrometheusProcess start() throws Exception {
            assumeTrue(Files.isExecutable(BINARY), BINARY + " is not installed (Debian: apt-get install prometheus)");
            Path dir = Files.createTempDirectory("carga-prometheus");
            Files.writeString(dir.resolve("prometheus.yml"), config());
            // A free port found here may be taken before Prometheus binds it; a second port is the remedy.
            for (int attempt = 1; ; attempt++) {
                int port;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
                cmd.addAll(flags);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
                PrometheusProcess prom = new PrometheusProcess(p, dir, "http://127.0.0.1:" + port);
                if (prom.awaitReady(Duration.ofSeconds(30))) {
                    return prom;
                }
                String log = prom.log();
                prom.close();
                if (attempt >= 3 || !log.contains("address already in use")) {
                    throw new IllegalStateException("prometheus did not get ready:\n" + log);
                }
            }
        }

        private String config() {
            StringBuilder sb = new StringBuilder("""
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      evaluation_interval: 1s
                    """);
            if (rules != null) {
                sb.append("rule_files:\n  - '").append(rules).append("'\n");
            }
            sb.append("scrape_configs:\n");
            for (String[] t : targets) {
                sb.append("  - job_name: '").append(t[0]).append("'\n    scheme: ").append(t[1]).append("\n    metrics_path: '")
                        .append(t[3].isEmpty() ? "/metrics" : t[3]).append("'\n    static_configs:\n      - targets: ['")
                        .append(t[2]).append("']\n");
            }
            return sb.toString();
        }
    }

    private boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Waits until every scrape target has been scraped and is up. Prometheus applies its targets in a
     * loop that runs every 5 s, so the first scrape comes up to 5 s after {@code /-/ready}: a test that
     * starts its load before then loses the first seconds, and increase() the values already counted.
     */
    public void awaitTargetsUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode targets = get("/api/v1/targets?state=active").at("/data/activeTargets");
            boolean allUp = !targets.isEmpty();
            for (JsonNode t : targets) {
                allUp &= t.path("health").asText().equals("up");
            }
            if (allUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("targets not up within " + timeout + ": " + targets + "\n" + log());
            }
            Thread.sleep(200);
        }
    }

    /** e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return base;
    }

    /** {@code data.result} of an instant query; an error answer fails the test with Prometheus' message. */
    public JsonNode query(String promql) throws Exception {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).at("/data/result");
    }

    /** {@code data.alerts} of {@code /api/v1/alerts}: each with {@code labels.alertname}, {@code state}, {@code activeAt}. */
    public JsonNode alerts() throws Exception {
        return get("/api/v1/alerts").at("/data/alerts");
    }

    /** The whole JSON answer of a GET on the HTTP API (a path such as {@code /api/v1/rules}). */
    public JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError(pathAndQuery + " -> " + r.statusCode() + " " + r.body());
        }
        return body;
    }

    /** What Prometheus printed so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops Prometheus (SIGTERM, then SIGKILL after 10 s) and removes its folder. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is no test failure
        }
    }
}
