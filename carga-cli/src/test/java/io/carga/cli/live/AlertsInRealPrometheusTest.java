package io.carga.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's "the rules that judged the load test also watch production", on one run: the reference
 * target in-process, a real Prometheus scraping its /metrics every second with the rules
 * {@code carga plan alerts} exported from the run's own plan, and a real {@code carga run} of that plan
 * while the target is made slow for a while through {@code /admin/faults}. Both sides must see the same
 * two rules go off: Prometheus from the server's metrics (pending, then firing), carga from its own
 * measurements (alerts.jsonl and summary.json).
 *
 * <p>The spec's durations are shortened so ~30 s is enough ("for 5 seconds", a 10 s window), and the cost
 * limit is lowered from R$ 50 an hour to a few seconds of spending.
 */
@Timeout(150)
class AlertsInRealPrometheusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLOW = "HighResponseTime";
    private static final String COST = "AICostSpike";
    /** The simulated LLM at a tenth of real time: answers ~0.1 s, so a second of p95 is the fault's doing. */
    private static final double TIME_SCALE = 0.1;
    /** 25 s of simulated extra time to first token, 2.5 s of wall clock at {@link #TIME_SCALE}. */
    private static final long EXTRA_LATENCY_MS = 25_000;

    @TempDir
    Path dir;

    @Test
    void slownessAndSpendingFireTheSameRulesInPrometheusAndInCarga() throws Exception {
        Path plan = writePlan();
        Path rules = dir.resolve("rules.yml");
        assertThat(Main.execute("plan", "alerts", plan.toString(), "-o", rules.toString())).isZero();
        Path out = dir.resolve("run");
        HttpClient http = HttpClient.newHttpClient();

        Map<String, Long> firstPending = new LinkedHashMap<>();
        Map<String, Long> firstFiring = new LinkedHashMap<>();
        long runStart;
        long runEnd;
        long faultOn;
        long faultOff;
        double serverCostBrl;
        try (PlatformSim sim = PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(TIME_SCALE).quotaScale(0)
                .passwordIterations(1000).seed(new Seeder.Plan(10, 10, 0, 0)).build());
             PrometheusProcess prom = PrometheusProcess.builder().scrape("platform", sim.baseUrl() + "/metrics").rules(rules).start()) {
            prom.awaitTargetsUp(Duration.ofSeconds(20));
            String faults = sim.baseUrl() + "/admin/faults";
            runStart = System.currentTimeMillis();
            // A thread of its own, not the common pool: the run compiles the scenario and loads classes through
            // the context class loader, which a platform thread inherits from this one.
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.execute("run", "--plan", plan.toString(),
                    "--target", sim.baseUrl(), "--out", out.toString(), "-q"), r -> Thread.ofPlatform().name("carga-run").start(r));
            faultOn = runStart + 8_000;
            faultOff = runStart + 24_000;
            boolean slowOn = false;
            boolean slowOff = false;
            while (!run.isDone()) {
                long now = System.currentTimeMillis();
                if (!slowOn && now >= faultOn) {
                    send(http, HttpRequest.newBuilder(URI.create(faults)).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"extra_latency_ms\":" + EXTRA_LATENCY_MS + "}")));
                    faultOn = now;
                    slowOn = true;
                }
                if (slowOn && !slowOff && now >= faultOff) {
                    send(http, HttpRequest.newBuilder(URI.create(faults)).DELETE());
                    faultOff = now;
                    slowOff = true;
                }
                for (JsonNode a : prom.alerts()) {
                    String name = a.at("/labels/alertname").asText();
                    (a.path("state").asText().equals("firing") ? firstFiring : firstPending).putIfAbsent(name, now);
                }
                Thread.sleep(250);
            }
            runEnd = System.currentTimeMillis();
            int exit = run.get(5, TimeUnit.SECONDS);
            // 0, or 4 when a busy machine saturated the generator itself (the figures are still recorded).
            assertThat(exit).as("carga run's exit code (its output is above)").isIn(0, 4);
            assertThat(slowOff).as("the run ended before the fault was lifted").isTrue();
            serverCostBrl = costBrl(send(http, HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/metrics"))));
            assertThat(firstFiring).as("Prometheus alerts seen during the run; its log:\n%s", prom.log())
                    .containsKeys(SLOW, COST);
        }

        System.out.printf("run %.1f s, fault %.1f-%.1f s; Prometheus pending/firing: %s / %s%n", (runEnd - runStart) / 1e3,
                (faultOn - runStart) / 1e3, (faultOff - runStart) / 1e3, since(firstPending, runStart), since(firstFiring, runStart));

        // Prometheus: both rules went pending before firing, within the run; the slow one only after the fault.
        for (String rule : List.of(SLOW, COST)) {
            assertThat(firstPending).as(rule + " pending").containsKey(rule);
            assertThat(firstPending.get(rule)).as(rule + " pending before firing").isLessThan(firstFiring.get(rule));
            assertThat(firstFiring.get(rule)).as(rule + " firing during the run").isBetween(runStart, runEnd);
        }
        assertThat(firstPending.get(SLOW)).as("slow only once the fault is on").isGreaterThan(faultOn);
        // "for 5 seconds", give or take one evaluation and one poll
        assertThat(firstFiring.get(SLOW) - firstPending.get(SLOW)).isGreaterThanOrEqualTo(3_500);

        // carga: the same two rules fired on its own measurements, live (alerts.jsonl) and in summary.json.
        List<JsonNode> live = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            live.add(JSON.readTree(line));
        }
        long cargaSlow = firedAt(live, "High Response Time");
        long cargaCost = firedAt(live, "AI Cost Spike");
        assertThat(cargaSlow).as("carga's High Response Time, after the fault").isBetween(faultOn, runEnd);
        assertThat(cargaCost).as("carga's AI Cost Spike, during the run").isBetween(runStart, runEnd);
        // Same rule, same moment: Prometheus reads the server's view up to a scrape and an evaluation late, and
        // polling adds a quarter second; more than that would mean the two judge different things.
        assertThat(firstFiring.get(SLOW) - cargaSlow).as("Prometheus vs carga, High Response Time (ms)").isBetween(-3_000L, 4_000L);
        assertThat(firstFiring.get(COST) - cargaCost).as("Prometheus vs carga, AI Cost Spike (ms)").isBetween(-3_000L, 4_000L);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("alerts").findValuesAsText("name")).contains("High Response Time", "AI Cost Spike");
        System.out.printf("carga firing: slow %.1f s, cost %.1f s%n", (cargaSlow - runStart) / 1e3, (cargaCost - runStart) / 1e3);

        // The same money on both sides: the server's cost_per_ai_request (R$ at its default rate) and carga's
        // own cost from the answers' usage (R$ at carga-ai's default rate). A few answers cut at the run's
        // end are billed by the server and not seen by carga.
        double cargaCostBrl = summary.at("/cost/ai_brl").asDouble();
        assertThat(cargaCostBrl).isPositive();
        assertThat(serverCostBrl).isCloseTo(cargaCostBrl, within(cargaCostBrl * 0.05));
    }

    /**
     * The starter's three rules with the run's durations: p95 over a 10 s window for 5 s, R$ 0.02 of AI an
     * hour for 2 s (the spec's R$ 50 would take this run hours). Every request but the login is an AI one,
     * so the fault's slowness reaches the p95 of everything. The cost limit is crossed in the fast first
     * seconds, ~R$ 0.01 a second: while the target is slow it spends a tenth of that, and a crossing there
     * would make the two sides' small differences in counting (answers cut, extrapolation) seconds apart.
     */
    private Path writePlan() throws Exception {
        Files.writeString(dir.resolve("AiUser.java"), """
                import static io.carga.http.Checks.status;

                import io.carga.ai.AiClient;
                import io.carga.core.api.*;
                import io.carga.http.HttpUser;
                import java.util.Map;

                public class AiUser extends HttpUser {
                    AiClient ai;
                    public WaitTime waitTime() { return WaitTime.constant(0.2); }
                    public void onStart() {
                        ai = AiClient.of(this);
                        var login = http().post("/auth/login").name("POST /auth/login")
                                .json(Map.of("email", "user_" + (context().userId() % 10 + 1) + "@gmail.com", "password", "TestPass123"))
                                .check(status(200)).send();
                        ai.bearer(login.json("$.access_token").asText());
                    }
                    @Task void generate() {
                        ai.platform("/api/v1/ai/generate").model("gemini-2.5-flash").prompt("Crie um post para Instagram de uma padaria")
                                .maxTokens(120).name("gemini_flash_generation").send();
                    }
                    public void onStop() { ai.close(); }
                }
                """);
        return Files.writeString(dir.resolve("carga.yaml"), """
                version: 1
                name: alerts-e2e
                scenarios:
                  ai_user: {file: AiUser.java}
                load:
                  users: 5
                  duration: 30s
                alerting_rules:
                  - name: "High Response Time"
                    condition: "p95 > 1000ms for 5 seconds"
                    window: 10s
                    severity: "warning"
                  - name: "AI Cost Spike"
                    condition: "hourly_ai_cost > R$ 0.02 for 2 seconds"
                    severity: "critical"
                  - name: "Database Slow Queries"
                    condition: "query_time > 500ms"
                    severity: "warning"
                """);
    }

    private static long firedAt(List<JsonNode> events, String rule) {
        return events.stream().filter(e -> e.path("name").asText().equals(rule) && e.path("state").asText().equals("firing"))
                .mapToLong(e -> e.path("at_ms").asLong()).findFirst()
                .orElseThrow(() -> new AssertionError("carga never fired " + rule + "; alerts.jsonl: " + events));
    }

    private static double costBrl(String scrape) {
        return Exposition.parse(scrape).stream().filter(s -> s.name().equals("cost_per_ai_request_sum"))
                .mapToDouble(Exposition.Series::value).sum();
    }

    private static Map<String, String> since(Map<String, Long> at, long start) {
        Map<String, String> out = new LinkedHashMap<>();
        at.forEach((k, v) -> out.put(k, String.format("%.1f s", (v - start) / 1e3)));
        return out;
    }

    private static String send(HttpClient http, HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
