package io.carga.report.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.metrics.RunAggregate;
import io.carga.report.html.SyntheticRun;
import io.carga.report.results.ResultsLogReader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineComparisonTest {
    @TempDir
    Path tmp;

    private RunAggregate run(String name, long seed, double slowdown) throws Exception {
        SyntheticRun r = new SyntheticRun().seed(seed).slowdown(slowdown).seconds(60)
                .name(new SyntheticRun.Name("GET /users", 40, 0.002, 30)).name(new SyntheticRun.Name("POST /orders", 120, 0.002, 10));
        return new ResultsLogReader().read(r.write(tmp.resolve(name))).aggregate();
    }

    @Test
    void flagsAPlanted30PercentRegression() throws Exception {
        BaselineComparison c = BaselineComparison.compare(run("base", 1, 1.0), run("slow", 2, 1.3), 0.10, Set.of(Figure.P95, Figure.P99));
        assertThat(c.regressed()).isTrue();
        assertThat(c.regressions()).anySatisfy(x -> assertThat(x).startsWith("GET /users p95 +"));
        BaselineComparison.Row users = c.rows().get(0);
        assertThat(users.worse().get(Figure.P95)).isBetween(0.2, 0.4);
        assertThat(users.shift()).isGreaterThan(0.15);
    }

    @Test
    void passesAnUnchangedRerun() throws Exception {
        BaselineComparison c = BaselineComparison.compare(run("base", 1, 1.0), run("again", 3, 1.0), 0.10,
                Set.of(Figure.P50, Figure.P95, Figure.P99, Figure.ERROR_RATE));
        assertThat(c.regressions()).isEmpty();
        assertThat(c.rows()).allSatisfy(r -> assertThat(r.shift()).isLessThan(0.1));
        assertThat(c.render()).contains("no regression beyond 10%");
    }

    @Test
    void errorRatesNearZeroAreNotInfinitelyWorse() {
        assertThat(Figure.ERROR_RATE.worsening(0, 0.001)).isZero();
        assertThat(Figure.ERROR_RATE.worsening(0, 0.02)).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Figure.RPS.worsening(100, 80)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Figure.P95.worsening(1.0, 1.4)).isZero();
    }
}
