package io.carga.report.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.carga.core.api.Task;
import io.carga.core.api.User;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.engine.Engine;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.RunResult;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacitySearchTest {
    /** The planted limit: beyond this many requests in flight the server slows down twentyfold. */
    static final int LIMIT = 8;
    static volatile String url;
    private HttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Calls the test server in a loop, without think time, and reports each call. */
    public static final class Caller extends User {
        @Task
        void call() throws Exception {
            long start = context().nanoTime();
            Outcome outcome = Outcome.OK;
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                int status = c.getResponseCode();
                c.getInputStream().readAllBytes();
                outcome = status < 400 ? Outcome.OK : Outcome.SERVER_ERROR;
            } catch (java.io.IOException e) {
                outcome = Outcome.OTHER;
            }
            context().events().record(new RequestEvent("GET /work", "http", null, 0, start, context().nanoTime(), 0, 0,
                    outcome, null, Map.of()));
        }
    }

    @Test
    void findsAPlantedConcurrencyLimitWithinOneStep() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/work", ex -> {
            int now = inFlight.incrementAndGet();
            try {
                Thread.sleep(now > LIMIT ? 100 : 5);
                byte[] body = "ok".getBytes();
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                ex.close();
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/work";

        CapacityPlan plan = new CapacityPlan(2, 2, 20, Duration.ofMillis(200), Duration.ofMillis(1200));
        CapacitySearch search = new CapacitySearch(plan, new CapacityCriteria(50, 0.01, 0.25), dir);
        RunConfig config = RunConfig.of(new Scenario("capacity", List.of(UserSpec.of(Caller.class))), plan.model())
                .withInterval(Duration.ofMillis(100)).withGracefulStop(Duration.ofSeconds(2)).withMaxDuration(Duration.ofSeconds(40));
        long t0 = System.nanoTime();
        RunResult result = new Engine(config, new MetricsHub(), List.of(search), "capacity-test").run();
        double seconds = (System.nanoTime() - t0) / 1e9;

        CapacityResult r = search.result();
        assertThat(r.maxStableUsers()).as("steps: %s", r.steps()).isBetween(LIMIT - 2, LIMIT);
        assertThat(r.limit()).contains("GET /work p95");
        assertThat(r.limitingName()).isEqualTo("GET /work");
        assertThat(r.steps()).last().satisfies(s -> assertThat(s.stable()).isFalse());
        assertThat(r.targets()).extracting(CapacityResult.Target::met).containsOnly(false);
        assertThat(result.cause()).contains("capacity search");
        assertThat(seconds).as("the search stops at the first broken step").isLessThan(15);
        assertThat(Files.readString(dir.resolve(CapacitySearch.FILE))).contains("\"max_stable_users\" : " + r.maxStableUsers());
    }

    @Test
    void kneeAndTargetsFromPlainSteps() {
        List<StepStats> steps = List.of(step(100, 1000, 40), step(200, 2000, 41), step(300, 2900, 45), step(400, 3100, 90),
                step(500, 3150, 700));
        CapacityResult r = CapacityAnalysis.evaluate(steps, CapacityCriteria.SPEC, 500);
        assertThat(r.kneeUsers()).isEqualTo(300);
        assertThat(r.maxStableUsers()).isEqualTo(300); // 400 users: throughput stopped growing
        assertThat(r.steps().get(3).breaches()).anySatisfy(b -> assertThat(b).startsWith("throughput stopped growing"));
        assertThat(r.targets()).extracting(CapacityResult.Target::met).containsExactly(true, false, false, false);
    }

    private static StepStats step(int users, double rps, double p95) {
        long count = (long) (rps * 10);
        return new StepStats(users, 10, count, 0, p95, Map.of("GET /x", new StepStats.NameStats(count, 0, p95)), false);
    }
}
