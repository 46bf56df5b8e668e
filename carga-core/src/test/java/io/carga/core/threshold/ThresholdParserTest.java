package io.carga.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThresholdParserTest {
    private final ThresholdParser parser = new ThresholdParser(MetricRegistry.builtIn());

    @Test
    void k6StyleAndTheSpecsLimitFirstOrderMeanTheSame() {
        Expression a = parser.parse("p95 < 800ms");
        Expression b = parser.parse("< 800ms p95");
        assertThat(a.metric()).isEqualTo(b.metric());
        assertThat(a.limit()).isEqualTo(800.0).isEqualTo(b.limit());
        assertThat(a.op()).isEqualTo(Op.LT);
        assertThat(b.label()).isEqualTo("p95 < 800ms");
    }

    @Test
    void unitsAreCanonical() {
        assertThat(parser.parse("< 2s p95").limit()).isEqualTo(2000.0);
        assertThat(parser.parse("p(99.9) <= 1.5s").metric().percentile()).isEqualTo(99.9);
        assertThat(parser.parse("max < 250").limit()).isEqualTo(250.0);
        assertThat(parser.parse("error_rate < 1%").limit()).isEqualTo(0.01);
        assertThat(parser.parse("error_rate > 0.1").limit()).isEqualTo(0.1);
        assertThat(parser.parse("rps >= 2000/min").limit()).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
        assertThat(parser.parse("dropped_iterations == 0").op()).isEqualTo(Op.EQ);
        Expression money = parser.parse("hourly_cost > R$ 50");
        assertThat(money.kind()).isEqualTo(Kind.MONEY);
        assertThat(money.limitLabel()).isEqualTo("R$ 50.00");
    }

    @Test
    void scopesByNameTagTierAndGroup() {
        Expression e = parser.parse("p95{name=POST /api/v1/ai/*, model=gemini-2.5-flash} < 800ms");
        assertThat(e.scope().selectors()).containsExactly(new Selector.Name("POST /api/v1/ai/*"),
                new Selector.Tag("model", "gemini-2.5-flash"));
        assertThat(parser.parse("error_rate{tier:api_endpoints} < 1%").scope())
                .isEqualTo(Scope.of(new Selector.Tier("api_endpoints")));
        assertThat(parser.parse("mean{group=checkout} < 1s").scope().label()).isEqualTo("{group=checkout}");
    }

    @Test
    void theMetricMayComeFromTheContext() {
        Expression e = parser.parse("< R$ 12", Metric.named("cost_per_user_per_month"));
        assertThat(e.metric().name()).isEqualTo("cost_per_user_per_month");
        assertThat(e.limit()).isEqualTo(12.0);
        assertThat(e.currency()).isEqualTo("R$");
    }

    @Test
    void mistakesSayWhereAndWhat() {
        assertThatThrownBy(() -> parser.parse("p95 500ms")).hasMessageContaining("no comparison");
        assertThatThrownBy(() -> parser.parse("error_rate < 5")).hasMessageContaining("5% or 0.05");
        assertThatThrownBy(() -> parser.parse("p95 < 5%")).hasMessageContaining("wrong unit for p95");
        assertThatThrownBy(() -> parser.parse("p95 < fast")).isInstanceOfSatisfying(ThresholdSyntaxException.class,
                e -> assertThat(e.column()).isEqualTo(7));
        assertThatThrownBy(() -> parser.parse("p95{tier} < 1s")).hasMessageContaining("malformed scope");
        assertThatThrownBy(() -> parser.parse("< 800ms")).hasMessageContaining("no metric");
        assertThatThrownBy(() -> parser.parse("p(150) < 1s")).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> parser.parse("error_rate < R$ 3")).hasMessageContaining("not an amount of money");
    }

    @Test
    void humanDurations() {
        assertThat(Quantities.duration("5 minutes")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Quantities.duration("4 hours")).isEqualTo(Duration.ofHours(4));
        assertThat(Quantities.duration("1h 30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Quantities.duration("2 hours and 15 minutes")).isEqualTo(Duration.ofMinutes(135));
        assertThat(Quantities.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Quantities.duration("5 fortnights")).hasMessageContaining("malformed duration");
    }

    @Test
    void tierGlobs() {
        assertThat(Tiers.glob("POST /api/*", "POST /api/v1/x")).isTrue();
        assertThat(Tiers.glob("*/upload/*", "POST /api/v1/upload/logo")).isTrue();
        assertThat(Tiers.glob("GET *", "POST /x")).isFalse();
        assertThat(Tiers.glob("a*a", "a")).isFalse();
    }
}
