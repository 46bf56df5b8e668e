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
            assertThat(r.trigger()).matches("SELECT orders by customer p95 \\d+ ms > 100 ms \\(database SLA\\)");
            assertThat(r.actions()).contains("Implement connection pooling");
        });
        assertThat(recs).anySatisfy(r -> {
            assertThat(r.area()).isEqualTo("ai");
            assertThat(r.trigger()).contains("> 800 ms");
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
    void requestNamesAreSortedIntoTheSpecsTiers() {
        assertThat(Kinds.of("SELECT * FROM t")).isEqualTo(Kinds.DATABASE);
        assertThat(Kinds.of("POST /webhooks/whatsapp")).isEqualTo(Kinds.WHATSAPP);
        assertThat(Kinds.of("POST /v1/chat/completions")).isEqualTo(Kinds.AI);
        assertThat(Kinds.of("POST /generate{model=gemini-2.5-flash}")).isEqualTo(Kinds.AI);
        assertThat(Kinds.of("POST /api/v1/files/upload")).isEqualTo(Kinds.UPLOAD);
        assertThat(Kinds.of("GET /api/v1/users")).isEqualTo(Kinds.API);
    }
}
