package io.carga.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.engine.Engine;
import io.carga.core.metrics.MetricsHub;
import io.carga.observe.LivePlane;
import io.carga.observe.metrics.Judgements;
import io.carga.observe.server.Listen;
import io.carga.report.results.ResultsLogWriter;
import io.carga.ui.api.ApiError;
import io.carga.ui.api.RunStarter;
import io.carga.ui.api.StartRequest;
import io.carga.ui.live.LiveRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of /api/v1 over real HTTP, with a real engine behind it, and every refusal changing nothing. */
@Timeout(60)
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private LivePlane plane;
    private String base;
    private final AtomicInteger runs = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (plane != null) {
            plane.close();
        }
    }

    /** A server whose starter runs {@link TickUser} with 100 ms intervals. */
    private LiveUi serve(String token) {
        plane = LivePlane.open(Listen.parse("127.0.0.1:0", token, Duration.ZERO), 200, new PrintStream(new ByteArrayOutputStream()));
        base = plane.server().baseUrl();
        LiveUi ui = LiveUi.on(plane);
        ui.starter(new RunStarter() {
            @Override
            public void start(StartRequest request, LiveRun run) {
                if ("http://refused.invalid".equals(request.target())) {
                    throw ApiError.bad("target: refused by the starter");
                }
                RunConfig config = RunConfig.of(new Scenario("tick", List.of(UserSpec.of(TickUser.class))), request.model(Duration.ofSeconds(20)))
                        .withInterval(Duration.ofMillis(100)).withGracefulStop(Duration.ofMillis(500)).withMaxDuration(Duration.ofSeconds(20));
                Path out = dir.resolve("run-" + runs.incrementAndGet());
                Thread.ofPlatform().start(() -> {
                    try {
                        new Engine(config, new MetricsHub(), List.of(new ResultsLogWriter(out), ui.forRun(out, Judgements.NONE)), "t").run();
                        run.exited(0);
                    } catch (InterruptedException e) {
                        run.failed("interrupted");
                    }
                });
            }

            @Override
            public ObjectNode defaults() {
                return JSON.createObjectNode().put("users", 3).put("model", "closed");
            }

            @Override
            public String scenario() {
                return "tick";
            }
        });
        return ui;
    }

    @Test
    void startWatchChangeAndStopAClosedRun() throws Exception {
        serve(null);
        JsonNode idle = get("/api/v1/run").json();
        assertThat(idle.path("state").asText()).isEqualTo("idle");
        assertThat(idle.path("can_start").asBoolean()).isTrue();
        assertThat(idle.at("/defaults/users").asInt()).isEqualTo(3);

        Reply started = send("POST", "/api/v1/run", "{\"users\": 4, \"spawn_rate\": 100, \"duration\": \"20s\"}");
        assertThat(started.status()).isEqualTo(200);
        await(() -> get("/api/v1/run").json().path("state").asText().equals("running"));
        Reply second = send("POST", "/api/v1/run", "{\"users\": 2}");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().path("error").asText()).isEqualTo("a run is already going: stop it first (POST /api/v1/run/stop)");

        await(() -> get("/api/v1/stats").json().path("requests").size() == 1
                && get("/api/v1/stats").json().at("/requests/0/failures").asLong() >= 4);
        JsonNode stats = get("/api/v1/stats?percentiles=50,99.9").json();
        JsonNode row = stats.at("/requests/0");
        assertThat(row.path("name").asText()).isEqualTo("GET /tick");
        assertThat(row.path("failures").asLong()).as("every tenth fails").isBetween(row.path("count").asLong() / 10 - 4,
                row.path("count").asLong() / 10 + 4);
        assertThat(row.at("/latency_ms/p50").asDouble()).isBetween(5.0, 60.0);
        assertThat(row.path("latency_ms").has("p99.9")).isTrue();
        assertThat(row.at("/window/latency_ms/p99.9").isNumber()).isTrue();
        assertThat(stats.at("/failures/0/reason").asText()).isEqualTo("HTTP 500");
        assertThat(stats.at("/total/count").asLong()).isGreaterThanOrEqualTo(row.path("count").asLong());

        Reply changed = send("PATCH", "/api/v1/run", "{\"users\": 9}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/change/from").asDouble()).isEqualTo(4);
        assertThat(changed.json().at("/change/to").asDouble()).isEqualTo(9);
        assertThat(changed.json().at("/run/load/users").asDouble()).as("the answer shows the change").isEqualTo(9);
        await(() -> get("/api/v1/run").json().path("users").asInt() == 9);
        JsonNode run = get("/api/v1/run").json();
        assertThat(run.at("/load/users").asDouble()).isEqualTo(9);
        assertThat(run.path("load_changes")).as("once, though the engine hands it on too").hasSize(1);
        assertThat(run.path("steerable").asText()).isEqualTo("users");

        JsonNode history = get("/api/v1/history").json();
        int next = history.path("next").asInt();
        assertThat(history.path("users")).hasSize(next);
        assertThat(history.path("users").get(next - 1).asInt()).isEqualTo(9);
        assertThat(get("/api/v1/history?since=" + next).json().path("t").size()).as("only what was not fetched").isLessThan(3);
        assertThat(get("/api/v1/history?request=GET%20/tick").json().path("request").asText()).isEqualTo("GET /tick");

        Reply csv = get("/api/v1/download/stats.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\"Type\",\"Name\"").contains("\"GET\",\"/tick\"");
        assertThat(get("/api/v1/download/latency.hlog").body()).contains("#[StartTime:");
        assertThat(get("/api/v1/download/report.html").status()).as("only once the run ended").isEqualTo(404);

        Reply stop = send("POST", "/api/v1/run/stop", "{}");
        assertThat(stop.status()).isEqualTo(200);
        await(() -> get("/api/v1/run").json().path("state").asText().equals("ended"));
        JsonNode ended = get("/api/v1/run").json();
        assertThat(ended.at("/stop/reason").asText()).isEqualTo("STOPPED");
        assertThat(ended.path("can_start").asBoolean()).isTrue();
        assertThat(send("PATCH", "/api/v1/run", "{\"users\": 2}").json().path("error").asText()).isEqualTo("no run is going");
        assertThat(send("POST", "/api/v1/run/stop", "{}").status()).isEqualTo(400);
        assertThat(get("/api/v1/download/summary.json").status()).as("nobody wrote one in this test").isEqualTo(404);
    }

    @Test
    void badInputGetsA400WithOneLineAndChangesNothing() throws Exception {
        serve(null);
        String[][] cases = {
                {"{\"users\": -1}", "users: must be at least 1, got -1"},
                {"{\"users\": 2, \"rate\": \"5/s\"}", "give either users (closed model) or rate (open model), not both"},
                {"{}", "give users (closed model) or rate (open model)"},
                {"{\"users\": 2, \"color\": 1}", "unknown field 'color' (expected duration, max_users, rate, spawn_rate, target, users)"},
                {"{\"users\": 2.5}", "users: expected a whole number, got 2.5"},
                {"{\"rate\": \"fast\"}", null},
                {"{\"users\": 2, \"duration\": \"soon\"}", null},
                {"{\"users\": 2, \"target\": \"ftp://x\"}", "target: expected an http:// or https:// URL, got 'ftp://x'"},
                {"{\"users\": 2, \"target\": \"http://refused.invalid\"}", "target: refused by the starter"},
                {"not json", null},
                {"[1]", null}};
        for (String[] c : cases) {
            Reply r = send("POST", "/api/v1/run", c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            String error = r.json().path("error").asText();
            assertThat(error).as(c[0]).isNotBlank().doesNotContain("\n");
            if (c[1] != null) {
                assertThat(error).as(c[0]).isEqualTo(c[1]);
            }
            assertThat(get("/api/v1/run").json().path("state").asText()).as("nothing started by " + c[0]).isEqualTo("idle");
        }
        Reply noType = send("POST", "/api/v1/run", "{\"users\": 2}", null);
        assertThat(noType.status()).isEqualTo(415);
        assertThat(get("/api/v1/run").json().path("state").asText()).isEqualTo("idle");
        assertThat(send("PATCH", "/api/v1/run", "{\"users\": 2}").json().path("error").asText()).isEqualTo("no run is going");
        assertThat(get("/api/v1/stats?percentiles=0").status()).isEqualTo(400);
        assertThat(get("/api/v1/stats?percentiles=50,x").json().path("error").asText()).isEqualTo("percentiles: 'x' is not a number");
        assertThat(get("/api/v1/history?since=abc").status()).isEqualTo(400);
        assertThat(get("/api/v1/nothing").status()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/run", "{}").status()).isEqualTo(405);
        assertThat(get("/api/v1/download/passwords.txt").status()).isEqualTo(404);
    }

    @Test
    void anOpenRunChangesItsRateAndRefusesAUserCount() throws Exception {
        serve(null);
        assertThat(send("POST", "/api/v1/run", "{\"rate\": \"20/s\", \"max_users\": 10, \"duration\": \"10s\"}").status()).isEqualTo(200);
        await(() -> get("/api/v1/run").json().path("state").asText().equals("running"));
        Reply users = send("PATCH", "/api/v1/run", "{\"users\": 5}");
        assertThat(users.status()).isEqualTo(400);
        assertThat(users.json().path("error").asText()).isEqualTo("this run is an open model: change its arrival rate (\"rate\"), not its users");
        assertThat(send("PATCH", "/api/v1/run", "{\"rate\": \"-5/s\"}").status()).isEqualTo(400);
        Reply rate = send("PATCH", "/api/v1/run", "{\"rate\": \"50/s\"}");
        assertThat(rate.status()).isEqualTo(200);
        assertThat(rate.json().at("/change/to").asDouble()).isEqualTo(50);
        await(() -> get("/api/v1/run").json().at("/load/rate").asDouble() == 50);
        assertThat(get("/api/v1/run").json().at("/load/max_users").asInt()).isEqualTo(10);
        send("POST", "/api/v1/run/stop", "{}");
        await(() -> get("/api/v1/run").json().path("state").asText().equals("ended"));
    }

    @Test
    void withATokenEveryCallNeedsItAndOnlyAGetMayCarryItInTheUrl() throws Exception {
        serve("s3cret");
        assertThat(get("/api/v1/run").status()).isEqualTo(401);
        assertThat(get("/").status()).isEqualTo(401);
        assertThat(get("/?token=s3cret").status()).isEqualTo(200);
        assertThat(get("/api/v1/run?token=s3cret").json().path("state").asText()).isEqualTo("idle");
        assertThat(send("POST", "/api/v1/run?token=s3cret", "{\"users\": 2}").status()).as("not from a URL").isEqualTo(401);
        HttpRequest withHeader = HttpRequest.newBuilder(URI.create(base + "/api/v1/run")).header("Authorization", "Bearer s3cret")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"users\": -2}")).build();
        assertThat(http.send(withHeader, HttpResponse.BodyHandlers.ofString()).statusCode()).as("through to the API").isEqualTo(400);
    }

    @Test
    void aRunStartedFromTheCommandLineIsShownButNotStartedFromTheApi() throws Exception {
        plane = LivePlane.open(Listen.parse("127.0.0.1:0", null, Duration.ZERO), 200, new PrintStream(new ByteArrayOutputStream()));
        base = plane.server().baseUrl();
        LiveUi ui = LiveUi.on(plane);
        assertThat(LiveUi.on(plane)).as("one UI per plane").isSameAs(ui);
        assertThat(get("/api/v1/run").json().path("can_start").asBoolean()).isFalse();
        Reply r = send("POST", "/api/v1/run", "{\"users\": 1}");
        assertThat(r.json().path("error").asText()).isEqualTo("this server watches a run started from the command line; 'carga ui' starts runs");
        RunConfig config = RunConfig.of(new Scenario("tick", List.of(UserSpec.of(TickUser.class))),
                io.carga.core.load.ClosedModel.of(2, 0, Duration.ofSeconds(1))).withInterval(Duration.ofMillis(100));
        new Engine(config, new MetricsHub(), List.of(ui.forRun(dir, Judgements.NONE)), "cli").run();
        JsonNode run = get("/api/v1/run").json();
        assertThat(run.path("state").asText()).isEqualTo("ended");
        assertThat(run.path("started_by").asText()).isEqualTo("command line");
        assertThat(get("/api/v1/stats").json().at("/requests/0/count").asLong()).isPositive();
    }

    private record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private Reply get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(String method, String path, String body) throws Exception {
        return send(method, path, body, "application/json");
    }

    private Reply send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
