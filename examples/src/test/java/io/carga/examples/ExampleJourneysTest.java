package io.carga.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.ai.AiFields;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.engine.Engine;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.core.output.RunResult;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * The spec's journeys against the real reference platform (embedded PostgreSQL, simulated LLMs with
 * their delays scaled down): every task runs — login, JSON posts, the multipart upload, SSE streaming —
 * and every request passes its checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExampleJourneysTest {
    private static PlatformSim sim;

    @BeforeAll
    static void startPlatform() throws Exception {
        sim = PlatformSim.start(PlatformConfig.builder().port(0).seed(new Seeder.Plan(1000, 10000, 2, 2))
                .llmTimeScale(0.01).passwordIterations(1000).quotaScale(0).build());
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (sim != null) {
            sim.close();
        }
    }

    /** The last run's result, for the AI assertions. */
    private static RunResult last;

    private static Map<String, SeriesTotals> run(Class<? extends io.carga.core.api.User> type, int users, Duration d)
            throws InterruptedException {
        Scenario scenario = new Scenario(type.getSimpleName(), List.of(UserSpec.of(type)));
        RunConfig config = RunConfig.of(scenario, ClosedModel.of(users, 0, d)).withTarget(sim.baseUrl()).withSeed(7);
        last = new Engine(config, new MetricsHub(), List.of(s -> { }), "examples").run();
        return last.aggregate().requests().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a));
    }

    /**
     * The last run's {@code name} requests were measured as AI requests of {@code model}: tagged by it, with
     * the provider's token counts (not estimated), a cost and a quality score for every answer.
     */
    private static void assertMeasuredAsAi(String name, String model) {
        Map<String, Double> f = new HashMap<>();
        long ok = 0;
        for (var e : last.aggregate().requests().entrySet()) {
            if (e.getKey().name().equals(name)) {
                assertThat(e.getKey().tags().get(AiFields.MODEL)).as("model tag of " + e.getKey()).isEqualTo(model);
                e.getValue().fieldSums().forEach((k, v) -> f.merge(k, v, Double::sum));
                ok += e.getValue().count() - e.getValue().errors();
            }
        }
        assertThat(ok).as("answers of " + name).isPositive();
        assertThat(f.get(AiFields.AI_REQUESTS)).as(name + " counted as AI requests").isPositive();
        assertThat(f.get(AiFields.OUTPUT_TOKENS)).isPositive();
        assertThat(f).doesNotContainKey(AiFields.TOKENS_ESTIMATED);
        assertThat(f.get(AiFields.COST)).as("cost, R$").isPositive();
        assertThat(f.get(AiFields.QUALITY_N)).as("every answer scored").isEqualTo((double) ok);
    }

    private static void assertAllPassed(Map<String, SeriesTotals> byName) {
        byName.forEach((name, t) -> assertThat(t.errors()).as("errors of " + name + ": " + kinds(t)).isZero());
    }

    private static String kinds(SeriesTotals t) {
        StringBuilder sb = new StringBuilder();
        for (io.carga.core.event.Outcome o : io.carga.core.event.Outcome.values()) {
            if (o.isError() && t.count(o) > 0) {
                sb.append(o.key()).append('=').append(t.count(o)).append(' ');
            }
        }
        return sb.toString().trim();
    }

    @Test
    void microEntrepreneurRunsEveryWeightedTask() throws Exception {
        // Think time is 2-8 s, so enough users for every task of weights 30/20/15/10 to come up.
        Map<String, SeriesTotals> r = run(BrazilianMicroEntrepreneurUser.class, 40, Duration.ofSeconds(6));
        assertThat(r.keySet()).contains("POST /auth/login", "marketing_generate", "cx_chat", "business_setup", "upload_logo");
        assertAllPassed(r);
        assertThat(r.get("marketing_generate").count()).isGreaterThan(r.get("upload_logo").count());
        assertMeasuredAsAi("marketing_generate", "gemini-2.5-flash");
    }

    @Test
    void aiModelLoadTesterGenerates() throws Exception {
        Map<String, SeriesTotals> r = run(AIModelLoadTester.class, 5, Duration.ofSeconds(3));
        assertThat(r.get("gemini_flash_generation").count()).isPositive();
        assertAllPassed(r);
        assertMeasuredAsAi("gemini_flash_generation", "gemini-2.5-flash");
    }

    @Test
    void streamingUserReadsServerSentEvents() throws Exception {
        Map<String, SeriesTotals> r = run(StreamingAIUser.class, 5, Duration.ofSeconds(3));
        assertThat(r.get("ai_generate_stream").count()).isPositive();
        assertAllPassed(r);
    }

    @Test
    void modelRotationMeasuresEveryModel() throws Exception {
        Map<String, SeriesTotals> r = run(ModelRotationTester.class, 8, Duration.ofSeconds(4));
        assertThat(r).isNotEmpty();
        assertAllPassed(r);
        long total = r.values().stream().mapToLong(SeriesTotals::count).sum();
        assertThat(total).isPositive();
    }

    /** Last: its deletions really remove accounts, which the other journeys would then fail to log in as. */
    @Test
    @Order(Integer.MAX_VALUE)
    void businessContextTesterCoversRegionsAndLgpd() throws Exception {
        Map<String, SeriesTotals> r = run(BrazilianBusinessContextTester.class, 6, Duration.ofSeconds(5));
        assertThat(r.keySet()).contains("marketing_generate_regional", "lgpd_deletion");
        assertThat(r.get("lgpd_deletion").count()).isPositive();
        assertThat(r.get("lgpd_deletion").errors()).as(kinds(r.get("lgpd_deletion"))).isZero();
        assertThat(r.get("marketing_generate_regional").errors()).as(kinds(r.get("marketing_generate_regional"))).isZero();
        assertMeasuredAsAi("marketing_generate_regional", "gemini-2.5-flash");
    }

    @Test
    void regionalRequestsAreTaggedByRegion() {
        assertThat(SeriesKey.parse("marketing_generate_regional{region=Recife}").tags().get("region")).isEqualTo("Recife");
    }
}
