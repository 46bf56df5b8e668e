package io.carga.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.api.Task;
import io.carga.core.api.User;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AI client against the reference target's simulated providers: tokens, timings, cost, quality. */
class AiClientPlatformTest {
    private static PlatformSim sim;
    static final ConcurrentLinkedQueue<AiResponse> SEEN = new ConcurrentLinkedQueue<>();
    static volatile BiFunction<AiClient, User, AiResponse> call;

    /** Runs {@link #call} once per iteration. */
    public static class Caller extends User {
        AiClient ai;

        @Override
        public void onStart() {
            ai = AiClient.of(this);
        }

        @Task
        void go() {
            SEEN.add(call.apply(ai, this));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sim = PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(0.05).passwordIterations(1000)
                .seed(new Seeder.Plan(50, 200, 2, 2)).quotaScale(0).build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
    }

    static RunResult run(BiFunction<AiClient, User, AiResponse> c, Map<String, String> props) throws Exception {
        SEEN.clear();
        call = c;
        Scenario s = new Scenario("ai", List.of(UserSpec.of(Caller.class)));
        RunConfig config = RunConfig.of(s, ClosedModel.of(2, 0, Duration.ofMillis(1500))).withTarget(sim.baseUrl())
                .withSeed(3).withProperties(props);
        return new Engine(config, new MetricsHub(), List.of(x -> { }), "ai-test").run();
    }

    private static SeriesTotals only(RunResult r) {
        assertThat(r.aggregate().requests()).hasSize(1);
        return r.aggregate().requests().values().iterator().next();
    }

    @Test
    void openAiStreamHasUsageTimingsAndCost() throws Exception {
        RunResult r = run((ai, u) -> ai.openai("gpt-3.5-turbo").prompt("Crie um post para Instagram de uma padaria")
                .maxTokens(60).stream(), Map.of());
        SeriesTotals t = only(r);
        assertThat(t.errors()).as(t.failures().toString()).isZero();
        assertThat(t.count()).isPositive();
        AiResponse a = SEEN.peek();
        assertThat(a.usage().estimated()).isFalse();
        assertThat(a.usage().output()).isPositive();
        assertThat(a.ttftNanos()).isPositive();
        assertThat(a.simTrailer()).contains("planned_ms");
        // tokens per chunk as the simulator planned them
        String planned = a.header("X-Sim-Chunk-Tokens");
        long sum = 0;
        for (String x : planned.split(",")) {
            sum += Long.parseLong(x);
        }
        assertThat(a.usage().output()).isEqualTo(sum);
        // cost: 2 USD per 1M tokens at 5 R$/USD
        assertThat(a.costBrl()).isCloseTo(a.usage().total() * 2.0 / 1e6 * 5.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.fieldSums().get(AiFields.COST)).isPositive();
        SeriesKey ttft = new SeriesKey(AiFields.TTFT, io.carga.core.event.Tags.of("model", "gpt-3.5-turbo"));
        assertThat(r.aggregate().timings().get(ttft).getTotalCount()).isEqualTo(t.count());
        assertThat(r.aggregate().timings()).containsKey(new SeriesKey(AiFields.ITL, ttft.tags()));
        assertThat(r.aggregate().requests().keySet().iterator().next().tags().get("model")).isEqualTo("gpt-3.5-turbo");
    }

    @Test
    void geminiStreamCountsTokensPerChunkExactly() throws Exception {
        RunResult r = run((ai, u) -> ai.gemini("gemini-2.5-flash").prompt("Gere ideias de promoção para restaurante")
                .maxTokens(80).stream(), Map.of());
        SeriesTotals t = only(r);
        assertThat(t.errors()).as(t.failures().toString()).isZero();
        AiResponse a = SEEN.peek();
        String[] planned = a.header("X-Sim-Chunk-Tokens").split(",");
        long[] measured = a.timings().chunkTokens();
        assertThat(measured).hasSize(planned.length);
        for (int i = 0; i < planned.length; i++) {
            assertThat(measured[i]).isEqualTo(Long.parseLong(planned[i]));
        }
        assertThat(a.tpotNanos()).isGreaterThanOrEqualTo(0); // chunks 0.05x apart may share one socket read
    }

    @Test
    void nonStreamingAnswersOfBothProvidersAndThePlatform() throws Exception {
        RunResult r = run((ai, u) -> u.random().nextBoolean()
                ? ai.gemini("gemini-2.5-flash").prompt("Crie descrição de produto para e-commerce").send()
                : ai.openai("gpt-4-turbo").prompt("Escreva uma resposta para reclamação de cliente").send(), Map.of());
        assertThat(r.aggregate().total().errors()).as(r.aggregate().total().failures().toString()).isZero();
        assertThat(SEEN).allSatisfy(a -> {
            assertThat(a.usage().estimated()).isFalse();
            assertThat(a.text()).isNotEmpty();
            assertThat(a.quality()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void platformEndpointNeedsItsSessionAndReportsUsage() throws Exception {
        RunResult r = run((ai, u) -> ai.platform(null).model("gemini-2.5-flash").prompt("Crie um post").send(), Map.of());
        // no login: the platform refuses, and the reason says so
        SeriesTotals t = only(r);
        assertThat(t.errors()).isEqualTo(t.count());
        assertThat(t.failures().keySet()).allSatisfy(reason -> assertThat(reason).startsWith("HTTP 401"));
    }

    @Test
    void rotationSpreadsModelsByWeight() throws Exception {
        RunResult r = run((ai, u) -> ai.rotating().prompt("Crie um post para Instagram de uma padaria").maxTokens(5).send(),
                Map.of("ai.mix", "gemini-2.5-flash:50,gpt-3.5-turbo:50"));
        assertThat(r.aggregate().requests().keySet()).extracting(k -> k.tags().get("model"))
                .containsExactlyInAnyOrder("gemini-2.5-flash", "gpt-3.5-turbo");
    }

    @Test
    void lowBudgetStopsTheRunAndTheSummaryHasAiAndCost() throws Exception {
        SEEN.clear();
        call = (ai, u) -> ai.openai("gpt-4-turbo").prompt("Crie um post para Instagram de uma padaria").maxTokens(40).stream();
        Map<String, String> props = Map.of("ai.budget.per-test", "0.002", "ai.budget.currency", "BRL", "ai.infra.hourly", "3.6");
        Scenario s = new Scenario("ai", List.of(UserSpec.of(Caller.class)));
        RunConfig config = RunConfig.of(s, ClosedModel.of(2, 0, Duration.ofSeconds(20))).withTarget(sim.baseUrl())
                .withProperties(props);
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        io.carga.ai.budget.BudgetGuard guard = new io.carga.ai.budget.BudgetGuard(
                AiSettings.fromProperties(props).budget(), new java.io.PrintStream(console, true));
        long t0 = System.nanoTime();
        RunResult r = new Engine(config, new MetricsHub(), List.of(guard), "budget").run();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
        assertThat(r.reason()).isEqualTo(io.carga.core.output.StopReason.BUDGET);
        assertThat(r.cause()).startsWith("stopped by budget");
        assertThat(console.toString()).contains("BUDGET");
        var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        io.carga.report.ai.AiSection.addTo(root, r.aggregate(), r.cause());
        assertThat(root.at("/ai/models/gpt-4-turbo/count").asLong()).isPositive();
        assertThat(root.at("/ai/models/gpt-4-turbo/ttft_ms/p99").asDouble()).isPositive();
        assertThat(root.at("/cost/ai_brl").asDouble()).isGreaterThanOrEqualTo(0.002);
        assertThat(root.at("/cost/infrastructure_brl").asDouble()).isPositive();
        assertThat(root.at("/cost/budget/status").asText()).isEqualTo("stopped");
        assertThat(root.at("/cost/projection_monthly_brl/5000/total").asDouble()).isPositive();
        assertThat(io.carga.report.ai.AiSection.console(r.aggregate())).contains("gpt-4-turbo").contains("cost: AI R$");
    }

    @Test
    void perHourBudgetRampsTheAiRateDown() throws Exception {
        BiFunction<AiClient, User, AiResponse> ask = (ai, u) -> ai.gemini("gemini-2.5-flash").prompt("oi").maxTokens(5).send();
        long free = only(run(ask, Map.of())).count();
        // about ten requests' worth an hour; each further 10 % over halves the rate again
        Map<String, String> props = Map.of("ai.budget.per-hour", "0.0008", "ai.budget.currency", "BRL",
                "ai.budget.action", "ramp-down");
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        var guard = new io.carga.ai.budget.BudgetGuard(AiSettings.fromProperties(props).budget(), new java.io.PrintStream(console, true));
        SEEN.clear();
        call = ask;
        RunConfig config = RunConfig.of(new Scenario("ai", List.of(UserSpec.of(Caller.class))),
                ClosedModel.of(2, 0, Duration.ofMillis(1500))).withTarget(sim.baseUrl()).withProperties(props);
        RunResult r = new Engine(config, new MetricsHub(), List.of(guard), "ramp").run();
        SeriesTotals t = only(r);
        assertThat(r.reason()).as("ramp-down does not stop the run").isNotEqualTo(io.carga.core.output.StopReason.BUDGET);
        assertThat(t.count()).as("ramped vs free-running requests in the same time").isLessThan(free / 2);
        assertThat(t.fieldSums().get(AiFields.RATE_DELAY_MS)).as("the throttle's delay shows").isPositive();
        assertThat(console.toString()).contains("BUDGET ALERT").contains("action: ramp-down");
        var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        io.carga.report.ai.AiSection.addTo(root, r.aggregate(), r.cause());
        assertThat(root.at("/cost/budget/status").asText()).isEqualTo("ramping_down");
        assertThat(root.at("/cost/budget/ramp_factor").asDouble()).isLessThanOrEqualTo(0.5);
        assertThat(root.at("/cost/budget/hour_peak_brl").asDouble()).isGreaterThanOrEqualTo(0.0008);
    }

    @Test
    void rateLimitHoldsTheAiRateAndTheDelayShows() throws Exception {
        RunResult r = run((ai, u) -> ai.gemini("gemini-2.5-flash").prompt("oi").maxTokens(3).send(),
                Map.of("ai.rate-limit", "240/min"));
        SeriesTotals t = only(r);
        // 4/s for 1.5 s with one burst slot: at most 7 requests, and users waited for their slots
        assertThat(t.count()).isBetween(4L, 7L);
        assertThat(t.fieldSums().get(AiFields.RATE_DELAY_MS)).isPositive();
        assertThat(t.latency().getMaxValue()).isGreaterThan(t.service().getMaxValue());
    }
}
