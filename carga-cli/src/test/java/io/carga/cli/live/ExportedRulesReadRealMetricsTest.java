package io.carga.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carga.cli.Main;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import io.carga.platform.llm.FaultSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules {@code carga plan alerts} exports must read series a real platform has: a rule on a metric or
 * label nobody exposes is valid PromQL (promtool passes it) and never fires. So the reference target gets
 * a little of each kind of traffic the rules look at, and every vector selector of every exported
 * expression must select at least one series of its /metrics scrape.
 */
@Timeout(120)
class ExportedRulesReadRealMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PlatformSim sim;
    private static List<Exposition.Series> scrape;
    private static String scrapeText;

    @TempDir
    Path dir;

    @BeforeAll
    static void trafficThenScrape() throws Exception {
        sim = PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(0).quotaScale(0).passwordIterations(1000)
                .seed(new Seeder.Plan(10, 10, 0, 0)).build());
        String token = post("/auth/login", Map.of("email", "user_1@gmail.com", "password", Seeder.PASSWORD), null)
                .path("access_token").asText();
        post("/api/v1/departments/marketing/generate", Map.of("business_type", "padaria"), token);
        post("/api/v1/ai/generate", Map.of("prompt", "Crie um post para Instagram de uma padaria", "model", "gpt-3.5-turbo"), token);
        String biz = post("/api/v1/business/setup", Map.of("business_name", "Empresa Test 1", "business_type", "restaurant",
                "location", "São Paulo, SP", "template", "restaurant_basic"), token).path("business_id").asText();
        post("/api/v1/departments/cx/chat", Map.of("message", "Vocês fazem entrega?", "business_id", biz), token);
        // The spec's fake PNG (a 415) and an unsigned webhook (a 401) still give their routes a series.
        send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/upload/logo")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"test_logo.png\"\r\nContent-Type: image/png\r\n\r\n"
                                + "fake_png_data\r\n--b--\r\n")));
        send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/webhooks/whatsapp")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")));
        // Break the simulated provider once, so a 5xx series exists for the error matcher.
        sim.faults().set(new FaultSettings(1.0, Map.of(), 0, 0, 0, 1.0));
        post("/api/v1/ai/generate", Map.of("prompt", "Gere ideias de promoção para restaurante"), token);
        sim.faults().set(FaultSettings.NONE);
        scrapeText = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/metrics")));
        scrape = Exposition.parse(scrapeText);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void theStarterPlansRulesReadSeriesTheReferenceTargetExposes() throws Exception {
        Path plan = dir.resolve("carga.yaml");
        assertThat(Main.execute("init", plan.toString())).isZero();
        Map<String, String> exprs = exported(plan);
        assertThat(exprs).containsOnlyKeys("HighResponseTime", "AICostSpike", "DatabaseSlowQueries");
        assertThat(exprs.get("AICostSpike")).isEqualTo("sum(increase(cost_per_ai_request_sum[1h])) > 50");
        assertEverySelectorSelects(exprs);
        // What the export said before the database tier was read as its own metric: valid PromQL that
        // selects nothing, which is what this check is for.
        assertThat(Exposition.selectors("histogram_quantile(1, sum by (le) (rate(database_query_duration_seconds_bucket"
                + "{tier=\"database_queries\"}[1m]))) > 0.5")).singleElement().satisfies(s -> assertThat(scrape).noneMatch(s::selects));
    }

    @Test
    void theStarterPlansTierMappingsAndErrorMatcherSelectSeriesToo() throws Exception {
        Path plan = dir.resolve("carga.yaml");
        assertThat(Main.execute("init", plan.toString())).isZero();
        Files.writeString(plan, Files.readString(plan).replace("alerting_rules:\n", """
                alerting_rules:
                  - {name: "Slow AI", condition: "p95{tier=gemini_flash_requests} > 800ms"}
                  - {name: "Slow uploads", condition: "p95{tier=file_uploads} > 2s"}
                  - {name: "Slow webhook", condition: "p95{tier=whatsapp_webhook} > 200ms"}
                  - {name: "Slow database", condition: "p95{tier=database_queries} > 100ms"}
                  - {name: "Errors", condition: "error_rate > 5%"}
                """));
        Map<String, String> exprs = exported(plan);
        assertThat(exprs).hasSize(8);
        assertEverySelectorSelects(exprs);
    }

    @Test
    void theSpecsFiveMetricsAreAllExposed() {
        Set<String> families = new TreeSet<>();
        scrapeText.lines().filter(l -> l.startsWith("# TYPE ")).forEach(l -> families.add(l.split(" ")[2]));
        // section 7.1's prometheus_metrics
        assertThat(families).contains("http_request_duration_seconds", "database_query_duration_seconds",
                "ai_generation_duration_seconds", "cost_per_ai_request", "business_activation_rate");
    }

    private Map<String, String> exported(Path plan) throws Exception {
        Path rules = dir.resolve("rules.yml");
        assertThat(Main.execute("plan", "alerts", plan.toString(), "-o", rules.toString())).isZero();
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode r : new ObjectMapper(new YAMLFactory()).readTree(rules.toFile()).at("/groups/0/rules")) {
            out.put(r.path("alert").asText(), r.path("expr").asText());
        }
        return out;
    }

    private static void assertEverySelectorSelects(Map<String, String> exprs) {
        List<String> problems = new ArrayList<>();
        exprs.forEach((alert, expr) -> {
            List<Exposition.Selector> selectors = Exposition.selectors(expr);
            if (selectors.isEmpty()) {
                problems.add(alert + ": no selector found in " + expr);
            }
            for (Exposition.Selector s : selectors) {
                if (scrape.stream().noneMatch(s::selects)) {
                    Set<String> labels = new TreeSet<>();
                    scrape.stream().filter(x -> x.name().equals(s.metric())).forEach(x -> labels.addAll(x.labels().keySet()));
                    problems.add(alert + ": " + s + " selects nothing; " + s.metric()
                            + (labels.isEmpty() ? " is not exposed" : " has labels " + labels));
                }
            }
        });
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private static JsonNode post(String path, Map<String, ?> body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(send(b));
    }

    private static String send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
