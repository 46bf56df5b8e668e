package io.carga.cli.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel expression of every dashboard, evaluated by a real Prometheus scraping (every second) a real
 * {@code carga demo} (carga and the reference platform) and a real {@code carga db} on embedded PostgreSQL:
 * each returns at least one series with a number.
 */
@Timeout(120)
class DashboardsLiveTest {
    /** The platform's metrics a colleague is adding; until the installed platform-sim serves them, their panels are skipped. */
    private static final List<String> PENDING = List.of("cost_per_ai_request", "business_activation_rate");

    @TempDir
    Path dir;

    @Test
    void everyPanelReturnsDataFromARealRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")), "prometheus is not installed");
        int demoPort = freePort();
        int dbPort = freePort();
        Path sd = dir.resolve("targets.json");
        Files.writeString(sd, "[]");
        Files.createDirectories(dir.resolve("prom"));
        String config = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 900ms
                scrape_configs:
                  - job_name: carga
                    static_configs:
                      - targets: ["127.0.0.1:%d", "127.0.0.1:%d"]
                  - job_name: target
                    file_sd_configs:
                      - files: ["%s"]
                        refresh_interval: 1s
                """.formatted(demoPort, dbPort, sd);

        PrintStream oldOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(oldOut, captured), true, StandardCharsets.UTF_8));
        // two threads of their own: the common pool has one worker on two cores, and would run the db after the demo
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try (Prom prom = Prom.start(dir.resolve("prom"), config)) {
            long started = System.nanoTime();
            CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> Main.execute("demo", "--listen", "127.0.0.1:" + demoPort,
                    "--duration", "30s", "--users", "12", "--seed", "17", "--linger", "10s", "--out", dir.resolve("dash-demo").toString(), "-q"), runs);
            CompletableFuture<Integer> db = CompletableFuture.supplyAsync(() -> Main.execute("db", "--listen", "127.0.0.1:" + dbPort,
                    "-T", "14", "-c", "2", "--linger", "15s", "--out", dir.resolve("dash-db").toString()), runs);

            // the platform's port is known once the demo prints it: hand it to Prometheus's file discovery
            Pattern platform = Pattern.compile("live: the platform's own metrics http://(127\\.0\\.0\\.1:\\d+)/metrics");
            String hostPort = null;
            while (hostPort == null && !demo.isDone() && System.nanoTime() - started < Duration.ofSeconds(40).toNanos()) {
                Matcher m = platform.matcher(captured.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    hostPort = m.group(1);
                }
                Thread.sleep(100);
            }
            assertThat(hostPort).as(captured.toString(StandardCharsets.UTF_8)).isNotNull();
            Files.writeString(dir.resolve("targets.tmp"), "[{\"targets\":[\"" + hostPort + "\"]}]");
            Files.move(dir.resolve("targets.tmp"), sd, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            prom.await("carga_run_info{run_id=\"dash-demo\"}", Duration.ofSeconds(20));
            prom.await("carga_run_info{run_id=\"dash-db\"}", Duration.ofSeconds(30));
            prom.await("rate(carga_db_transactions_total[15s]) > 0", Duration.ofSeconds(30));
            prom.await("rate(carga_ai_tokens_total[15s]) > 0", Duration.ofSeconds(30));

            List<String> notServed = new ArrayList<>();
            for (String metric : PENDING) {
                if (prom.query("count({__name__=~\"" + metric + "(_count)?\"})").isEmpty()) {
                    notServed.add(metric);
                }
            }
            // every expression, retried while the runs go on, until it returns a series with a number
            Map<String, String> missing = new LinkedHashMap<>();
            List<DashboardExprs.Expr> remaining = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (DashboardExprs.Expr e : DashboardExprs.all()) {
                if (notServed.stream().anyMatch(e.promql()::contains)) {
                    skipped.add(e.where());
                } else {
                    remaining.add(e);
                }
            }
            int total = remaining.size();
            long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            while (!remaining.isEmpty()) {
                missing.clear();
                for (var it = remaining.iterator(); it.hasNext(); ) {
                    DashboardExprs.Expr e = it.next();
                    String runId = e.file().equals("database-performance.json") ? "dash-db" : "dash-demo";
                    String promql = DashboardExprs.fill(e.promql(), runId, "15s", "5s", "2m");
                    JsonNode result = prom.query(promql);
                    if (hasNumber(result)) {
                        it.remove();
                    } else {
                        missing.put(e.where(), promql + " -> " + result);
                    }
                }
                if (remaining.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(missing).as("panels without data").isEmpty();
            assertThat(total).isGreaterThan(40);
            System.err.println("dashboards: " + total + " expressions returned data; skipped (not served yet): " + skipped);

            // the run_id filter filters: another run's id selects none of carga's series
            assertThat(prom.query(DashboardExprs.fill("sum by (request) (rate(carga_requests_total[$__rate_interval])"
                    + " * on(instance, job) group_left(run_id) carga_run_info{run_id=~\"$run_id\"})", "no-such-run", "15s", "5s", "2m")))
                    .isEmpty();
            assertThat(prom.query("sum(rate(carga_db_transactions_total[15s]) * on(instance, job) group_left(run_id)"
                    + " carga_run_info{run_id=~\"dash-demo\"})")).as("the demo run has no db transactions").isEmpty();

            assertThat(demo.get()).as("4 when a busy machine saturated the generator").isIn(0, 1, 4);
            assertThat(db.get()).isIn(0, 1);
            System.err.println("dashboards: live test took " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        } finally {
            runs.shutdownNow();
            System.setOut(oldOut);
        }
    }

    private static boolean hasNumber(JsonNode result) {
        for (JsonNode r : result) {
            String v = r.at("/value/1").asText();
            if (!v.isEmpty() && !v.equals("NaN") && !v.contains("Inf")) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Writes to both streams: the console keeps its output and the test reads it. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
        }
    }

    /** /usr/bin/prometheus on a free loopback port with the test's config and a temporary data folder. */
    private static final class Prom implements AutoCloseable {
        private final HttpClient http = HttpClient.newHttpClient();
        private final Process process;
        private final Path dir;
        private final String base;

        private Prom(Process process, Path dir, String base) {
            this.process = process;
            this.dir = dir;
            this.base = base;
        }

        static Prom start(Path dir, String config) throws Exception {
            int port = freePort();
            Files.writeString(dir.resolve("prometheus.yml"), config);
            Process p = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            Prom prom = new Prom(p, dir, "http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    if (prom.http.send(HttpRequest.newBuilder(URI.create(prom.base + "/-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return prom;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            prom.close();
            throw new AssertionError("prometheus did not get ready: " + Files.readString(dir.resolve("prometheus.log")));
        }

        JsonNode query(String promql) throws Exception {
            String url = base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
            JsonNode r = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (!"success".equals(r.path("status").asText())) {
                throw new AssertionError(promql + " -> " + r);
            }
            return r.at("/data/result");
        }

        JsonNode await(String promql, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                JsonNode r = query(promql);
                if (!r.isEmpty()) {
                    return r;
                }
                Thread.sleep(250);
            } while (System.nanoTime() < deadline);
            throw new AssertionError(promql + " returned nothing within " + timeout + "; prometheus log: "
                    + Files.readString(dir.resolve("prometheus.log")));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
