package io.carga.report.advice;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.report.html.SeriesTimeline;
import io.carga.report.html.SyntheticRun;
import io.carga.report.results.ResultsLogReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisorTest {
    @TempDir
    Path dir;

    private List<Recommendation> advise(SyntheticRun run) throws Exception {
        run.write(dir);
        SeriesTimeline t = new SeriesTimeline(1);
        ResultsLogReader.Rebuilt r = new ResultsLogReader().read(dir, t::add);
        t.finish();
        return Advisor.advise(r.aggregate(), t);
    }

    @Test
    void theSpecsThreeRulesFireAndCiteTheirFigure() throws Exception {
        List<Recommendation> recs = advise(new SyntheticRun().seconds(20)
                .name(new SyntheticRun.Name("SELECT orders by customer", 180, 0, 20))
                .name(new SyntheticRun.Name("POST /api/v1/ai/chat{model=gpt-4-turbo}", 1500, 0, 10))
                .name(new SyntheticRun.Name("GET /api/v1/flaky", 30, 0.5, 20)));
        assertThat(recs).anySatisfy(r -> {
            assertThat(r.area()).isEqualTo("database");
            assertThat(r.trigger()).matches("SELECT orders by customer p95 \\d+ ms ≥ 100 ms: database_queries SLA p95 < 100 ms \\(the spec\\)");
            assertThat(r.actions()).contains("Implement connection pooling");
        });
        assertThat(recs).anySatisfy(r -> {
            assertThat(r.area()).isEqualTo("ai");
            assertThat(r.trigger()).contains("≥ 800 ms: gemini_flash_requests SLA p95 < 800 ms (the spec)");
        });
        assertThat(recs).anySatisfy(r -> {
            assertThat(r.area()).isEqualTo("errors");
            assertThat(r.trigger()).startsWith("error rate ").contains("> 5%");
            assertThat(r.actions().get(0)).contains("circuit breaker");
        });
    }

    @Test
    void aHealthyRunGetsNoAdvice() throws Exception {
        assertThat(advise(new SyntheticRun().seconds(20).name(new SyntheticRun.Name("GET /fast", 20, 0, 20))
                .name(new SyntheticRun.Name("SELECT 1", 3, 0, 20)))).isEmpty();
    }

    @Test
    void errorsThatStartAtALoadLevelAreFound() throws Exception {
        List<Recommendation> recs = advise(new SyntheticRun().users(50).ramp(20).seconds(30).burstAbove(30, 0.2)
                .name(new SyntheticRun.Name("GET /cart", 20, 0, 40)));
        assertThat(recs).anySatisfy(r -> {
            assertThat(r.title()).matches("Errors start at (3[1-9]|40) users");
            assertThat(r.trigger()).contains("under 1% up to 30 users");
        });
    }

    @Test
    void aRequestIsJudgedByItsOwnTierTagNotByWhatItsNameSounds() throws Exception {
        // the examples tag cx_chat tier=api_endpoints: its name says chat, its SLA is the API's 500 ms
        List<Recommendation> recs = advise(new SyntheticRun().seconds(20)
                .name(new SyntheticRun.Name("cx_chat{tier=api_endpoints}", 650, 0, 20)));
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.area()).isEqualTo("api");
            assertThat(r.title()).doesNotContain("AI");
            assertThat(r.trigger()).contains("≥ 500 ms: api_endpoints SLA p95 < 500 ms (the spec)");
        });
    }

    @Test
    void aPlansTiersAndSlasComeFirstAndTheRecommendationNamesThem() throws Exception {
        SyntheticRun run = new SyntheticRun().seconds(20).name(new SyntheticRun.Name("POST /api/v1/departments/marketing/generate", 300, 0, 20));
        run.write(dir);
        io.carga.core.threshold.Tiers tiers = new io.carga.core.threshold.Tiers(java.util.Map.of("gemini_flash_requests",
                new io.carga.core.threshold.Tiers.Tier(List.of("POST /api/v1/departments/marketing/*"), java.util.Map.of())));
        var threshold = io.carga.core.threshold.Threshold.of("response_times",
                new io.carga.core.threshold.ThresholdParser(io.carga.core.threshold.MetricRegistry.builtIn()).parse("p95{tier=gemini_flash_requests} < 250ms"));
        io.carga.report.results.JudgeFile.of("load_test", false, List.of(threshold), List.of(), tiers).write(dir);
        SeriesTimeline t = new SeriesTimeline(1);
        ResultsLogReader.Rebuilt r = new ResultsLogReader().read(dir, t::add);
        t.finish();
        TierSlas slas = TierSlas.of(io.carga.report.results.JudgeFile.read(dir));
        assertThat(Advisor.advise(r.aggregate(), t)).as("300 ms is within the spec's 800 ms").isEmpty();
        assertThat(Advisor.advise(r.aggregate(), t, slas)).singleElement().satisfies(x -> {
            assertThat(x.area()).isEqualTo("ai");
            assertThat(x.trigger()).contains("≥ 250 ms: gemini_flash_requests SLA p95 < 250 ms (the plan)");
        });
    }

    @Test
    void requestNamesAreSortedIntoTheSpecsTiers() {
        assertThat(Kinds.of("SELECT * FROM t")).isEqualTo(Kinds.DATABASE);
        assertThat(Kinds.of("POST /webhooks/whatsapp")).isEqualTo(Kinds.WHATSAPP);
        assertThat(Kinds.of("POST /v1/chat/completions")).isEqualTo(Kinds.AI);
        assertThat(Kinds.of("POST /generate{model=gemini-2.5-flash}")).isEqualTo(Kinds.AI);
        assertThat(Kinds.of("POST /api/v1/files/upload")).isEqualTo(Kinds.UPLOAD);
        assertThat(Kinds.of("GET /api/v1/users")).isEqualTo(Kinds.API);
        assertThat(Kinds.of("cx_chat{tier=api_endpoints}")).as("the tier tag decides").isEqualTo(Kinds.API);
        assertThat(Kinds.of("cx_chat")).as("without it, the name").isEqualTo(Kinds.AI);
    }
}
