package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carga shadow} through the command line: a results folder as any run, shadow.json, the plan's limits, bad input. */
class ShadowCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A service answering {@code /api/v1/business/ID} with {@code plan}. */
    static HttpServer service(String plan) throws Exception {
        return Cli.loopback(ex -> {
            String id = ex.getRequestURI().getPath().replaceAll(".*/", "");
            byte[] b = ("{\"business_id\":\"" + id + "\",\"plan\":\"" + plan + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
    }

    static String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    @Test
    void aLiveProxyRunWritesAResultsFolderAndThePlanLimitFailsTheRun(@TempDir Path dir) throws Exception {
        HttpServer primary = service("pro");
        HttpServer candidate = service("enterprise");
        Path plan = Files.writeString(dir.resolve("carga.yaml"), "shadow:\n  max_diff_rate: 0.1%\n  max_p99_delta: 50%\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int listenPort = port;
        Thread clients = Thread.ofVirtual().start(() -> {
            HttpClient c = HttpClient.newHttpClient();
            // until the proxy listens (its start is slow on a busy box), then for 1.5 s of the run's 3
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean answered = false;
            int i = 0;
            while (System.nanoTime() < end) {
                try {
                    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listenPort + "/api/v1/business/biz_" + (i++ % 7)))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    (r.statusCode() == 200 && r.body().contains("\"pro\"") ? ok : failed).incrementAndGet();
                    if (!answered) {
                        answered = true;
                        end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                    }
                } catch (java.net.ConnectException notYet) {
                    sleep(20); // the proxy is not listening yet
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        });
        Path out = dir.resolve("run");
        try {
            Cli.Result r = Cli.run("shadow", "--listen", "127.0.0.1:" + port, "--primary", url(primary), "--candidate", url(candidate),
                    "--share", "100%", "--duration", "3s", "--plan", plan.toString(), "--out", out.toString(), "-q");
            clients.join(Duration.ofSeconds(10));
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.THRESHOLDS_FAILED.code());
            assertThat(r.out()).contains("✗ GET /api/v1/business/{id} max_diff_rate: measured 100%");
        } finally {
            primary.stop(0);
            candidate.stop(0);
        }
        assertThat(ok.get()).isGreaterThan(10);
        assertThat(failed).hasValue(0);

        JsonNode shadow = JSON.readTree(out.resolve("shadow.json").toFile());
        JsonNode e = shadow.path("endpoints").get(0);
        assertThat(e.path("endpoint").asText()).isEqualTo("GET /api/v1/business/{id}");
        assertThat(e.path("requests").asInt()).isEqualTo(ok.get());
        assertThat(e.path("diff_fields").toString()).isEqualTo("[\"$.plan\"]");
        assertThat(shadow.path("verdicts").findValuesAsText("verdict")).contains("failed");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("requests").path("GET /api/v1/business/{id}").path("count").asInt()).isEqualTo(ok.get());
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"shadow\"", "cargaSections", "\"diff_fields\":[\"$.plan\"]");
        assertThat(out.resolve("run.json")).exists();
        assertThat(out.resolve("latency.hlog")).exists();
    }

    @Test
    void aReplayThatMeetsThePlanExitsZero(@TempDir Path dir) throws Exception {
        HttpServer primary = service("pro");
        HttpServer candidate = service("pro");
        Path log = Files.writeString(dir.resolve("access.log"),
                "10.0.0.1 - - [07/Dec/2026:09:00:00 -0300] \"GET /api/v1/business/biz_1 HTTP/1.1\" 200 10 \"-\" \"curl\"\n".repeat(20));
        Path plan = Files.writeString(dir.resolve("carga.yaml"), "shadow: {max_diff_rate: 0.1%, max_p99_delta: 500ms}\n");
        try {
            Cli.Result r = Cli.run("shadow", "--replay", log.toString(), "--primary", url(primary), "--candidate", url(candidate),
                    "--plan", plan.toString(), "--out", dir.resolve("run").toString(), "-q");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("replaying 20 requests", "✓ GET /api/v1/business/{id} max_diff_rate");
        } finally {
            primary.stop(0);
            candidate.stop(0);
        }
        JsonNode shadow = JSON.readTree(dir.resolve("run/shadow.json").toFile());
        assertThat(shadow.path("totals").path("mirrored").asInt()).isEqualTo(20);
        assertThat(shadow.path("totals").path("diffs").asInt()).isZero();
    }

    @Test
    void theReportShowsTheShadowSectionInABrowser(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.carga.report.html.HeadlessChromium.available(), "no chromium and chromium-driver");
        HttpServer primary = service("pro");
        HttpServer candidate = service("enterprise");
        Path log = Files.writeString(dir.resolve("access.log"),
                "10.0.0.1 - - [07/Dec/2026:09:00:00 -0300] \"GET /api/v1/business/biz_1?token=s3cr3t HTTP/1.1\" 200 10 \"-\" \"curl\"\n".repeat(10));
        Path out = dir.resolve("run");
        try {
            assertThat(Cli.run("shadow", "--replay", log.toString(), "--primary", url(primary), "--candidate", url(candidate),
                    "--out", out.toString(), "-q").exit()).isZero();
        } finally {
            primary.stop(0);
            candidate.stop(0);
        }
        try (var chromium = io.carga.report.html.HeadlessChromium.start(dir)) {
            assertThat(chromium.open(out.resolve("report.html"))).as("%s", chromium.problems()).isTrue();
            assertThat(chromium.problems()).as("console errors").isEmpty();
            var d = chromium.driver();
            assertThat(d.findElement(org.openqa.selenium.By.id("shadow")).isDisplayed()).isTrue();
            var row = d.findElement(org.openqa.selenium.By.cssSelector("#shadow-table tbody tr"));
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td[data-key=endpoint]")).getText()).isEqualTo("GET /api/v1/business/{id}");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td[data-key=diff]")).getText()).isEqualTo("$.plan");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td[data-key=diffs]")).getText()).isEqualTo("10");
            String example = d.findElement(org.openqa.selenium.By.id("shadow-example-0")).getText();
            assertThat(example).contains("\"pro\"", "\"enterprise\"");
            assertThat(d.findElement(org.openqa.selenium.By.id("shadow-examples")).getText()).contains("token=***").doesNotContain("s3cr3t");
            assertThat(d.findElements(org.openqa.selenium.By.cssSelector("#chart-shadow canvas"))).isNotEmpty();
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"shadow", "--primary", "http://127.0.0.1:1", "--candidate", "http://127.0.0.1:2"},
                {"shadow", "--listen", "0", "--primary", "http://127.0.0.1:1", "--candidate", "http://127.0.0.1:2", "--share", "150%"},
                {"shadow", "--listen", "0", "--primary", "ftp://x", "--candidate", "http://127.0.0.1:2"},
                {"shadow", "--listen", "0", "--primary", "http://127.0.0.1:1", "--candidate", "http://127.0.0.1:2", "--key", "cookie:x"},
                {"shadow", "--listen", "0", "--primary", "http://127.0.0.1:1", "--candidate", "http://127.0.0.1:2", "--ignore", "plan"},
                {"shadow", "--replay", dir.resolve("none.gor").toString(), "--primary", "http://127.0.0.1:1", "--candidate", "http://127.0.0.1:2"},
                {"shadow", "--listen", "0", "--candidate", "http://127.0.0.1:2"},
        };
        for (String[] args : cases) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE.code());
            assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
        }
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void aBadShadowLimitInThePlanIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), "name: x\nshadow:\n  max_diff_rate: lots\n");
        Cli.Result r = Cli.run("shadow", "--listen", "0", "--primary", "http://127.0.0.1:1", "--candidate", "http://127.0.0.1:2",
                "--plan", plan.toString(), "--out", dir.resolve("run").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("carga.yaml:3:", "max_diff_rate is a percentage");
        Cli.Result typo = Cli.run("plan", "check", Files.writeString(dir.resolve("typo.yaml"), "shadow:\n  max_dif_rate: 1%\n").toString());
        assertThat(typo.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(typo.out() + typo.err()).contains("max_dif_rate");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
