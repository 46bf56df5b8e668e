package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --listen} on a real quick-mode run against a real loopback server. */
@Timeout(60)
class ListenTest {
    @TempDir
    Path dir;

    private HttpServer target;
    private String url;

    @BeforeEach
    void startTarget() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        target.createContext("/ping", ex -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        url = "http://127.0.0.1:" + target.getAddress().getPort() + "/ping";
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
    }

    @Test
    void anAddressOffLoopbackWithoutATokenRunsNothing() {
        Path out = dir.resolve("refused");
        Cli.Result r = Cli.run("run", "--url", url, "--duration", "1s", "--listen", "0.0.0.0:0", "--out", out.toString(), "-q");

        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--listen-token");
        assertThat(out).doesNotExist();
    }

    @Test
    void aShortRunsFinalFiguresAreServedWhileItLingers() throws Exception {
        int port = freePort();
        Path out = dir.resolve("served");
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run("run", "--url", url,
                "--connections", "2", "--duration", "2s", "--warmup", "0", "--listen", "127.0.0.1:" + port,
                "--linger", "4s", "--out", out.toString(), "-q"));
        Path report = out.resolve("report.html");
        String scraped = scrapeAfter(report, run, port);
        Cli.Result r = run.get();

        assertThat(r.exit()).as(r.err()).isIn(ExitCode.OK.code(), ExitCode.INVALID_RUN.code());
        assertThat(r.out()).contains("live: metrics http://127.0.0.1:" + port + "/metrics");
        long total = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/total/count").asLong();
        Matcher m = Pattern.compile("carga_requests_total\\{outcome=\"ok\",request=\"GET /ping\"\\} ([0-9.E]+)").matcher(scraped);
        assertThat(m.find()).as(scraped).isTrue();
        assertThat((long) Double.parseDouble(m.group(1))).as("the last interval is in what the server serves").isEqualTo(total);
        assertThat(scraped).contains("carga_run_active 0.0");
        assertThat(Files.readString(out.resolve("live.json"))).contains("http://127.0.0.1:" + port + "/metrics");
        assertThat(Files.readString(report)).as("the report names where it was served").contains("\"metrics_url\":\"http://127.0.0.1:" + port + "/metrics\"");
    }

    @Test
    @Timeout(120)
    void aDbRunServesItsTransactionsByScript() throws Exception {
        int port = freePort();
        Path out = dir.resolve("db");
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run("db", "--embedded", "-c", "2", "-T", "2",
                "-S", "--warmup", "0", "--listen", "127.0.0.1:" + port, "--linger", "4s", "--out", out.toString()));
        String scraped = scrapeAfter(out.resolve("report.html"), run, port);
        Cli.Result r = run.get();

        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(ExitCode.OK.code());
        long tx = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/requests/<builtin: select only>/count").asLong();
        assertThat(tx).isPositive();
        assertThat(scraped).contains("carga_db_transactions_total{script=\"<builtin: select only>\"} " + (double) tx);
        assertThat(scraped).contains("carga_db_statement_duration_seconds_count{script=\"<builtin: select only>\"}");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits for {@code file} (written at the run's end, before the linger), then scrapes the lingering server. */
    private static String scrapeAfter(Path file, CompletableFuture<Cli.Result> run, int port) throws Exception {
        while (!Files.exists(file) && !run.isDone()) {
            Thread.sleep(50);
        }
        assertThat(run).as("the server lingers after the report").isNotDone();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
