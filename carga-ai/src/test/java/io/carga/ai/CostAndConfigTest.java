package io.carga.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.ai.budget.Budget;
import io.carga.ai.cost.AiConfigException;
import io.carga.ai.cost.PriceTable;
import io.carga.ai.limit.AiRateLimiter;
import io.carga.ai.quality.Scorers;
import io.carga.ai.rotation.ModelMix;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CostAndConfigTest {
    @Test
    void defaultPricesAreTheSpecsInDollarsConvertedToReais() {
        PriceTable t = PriceTable.defaults();
        assertThat(t.currency()).isEqualTo("USD");
        // spec: gpt-4-turbo 0.00003 per token → 1000 tokens = 0.03 USD = 0.15 R$
        assertThat(t.costBrl("gpt-4-turbo", 600, 400)).isCloseTo(0.15, Offset.offset(1e-12));
        assertThat(t.costBrl("gemini-2.5-flash", 1_000_000, 0)).isCloseTo(5.0, Offset.offset(1e-9));
        assertThat(t.costBrl("unknown", 1, 1)).isNaN();
    }

    @Test
    void pricesOverriddenByPropertiesInAnotherCurrency() {
        Map<String, String> p = Map.of("ai.price.currency", "BRL", "ai.price.gpt-4-turbo", "50,150");
        PriceTable t = PriceTable.defaults().withProperties(p, PriceTable.SPEC_MODELS);
        assertThat(t.brlPerUnit()).isEqualTo(1.0);
        assertThat(t.costBrl("gpt-4-turbo", 1_000_000, 1_000_000)).isCloseTo(200.0, Offset.offset(1e-9));
    }

    @Test
    void badPriceConfigIsAClearError() {
        assertThatThrownBy(() -> PriceTable.defaults().withProperties(Map.of("ai.price.gpt-5o", "1,2"), PriceTable.SPEC_MODELS))
                .isInstanceOf(AiConfigException.class).hasMessageContaining("unknown model 'gpt-5o'");
        assertThatThrownBy(() -> PriceTable.defaults().with("gpt-4-turbo", -1, 2))
                .isInstanceOf(AiConfigException.class).hasMessageContaining("zero or positive");
        assertThatThrownBy(() -> PriceTable.defaults().withProperties(Map.of("ai.price.exchange-rate", "5"), PriceTable.SPEC_MODELS))
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> Budget.fromProperties(Map.of("ai.budget.per-hour", "50"), "USD", 5))
                .isInstanceOf(AiConfigException.class).hasMessageContaining("without a currency");
        assertThatThrownBy(() -> AiSettings.fromProperties(Map.of("ai.price.gpt-4-turbo", "abc,1")))
                .hasMessageContaining("not a number");
        // a declared model may be priced
        AiSettings s = AiSettings.fromProperties(Map.of("ai.models", "llama-3", "ai.price.llama-3", "0.2,0.6"));
        assertThat(s.prices().prices("llama-3")).isTrue();
    }

    @Test
    void budgetInThePriceCurrencyIsConverted() {
        Budget b = Budget.fromProperties(Map.of("ai.budget.per-test", "10", "ai.budget.currency", "USD",
                "ai.budget.action", "ramp-down"), "USD", 5.0);
        assertThat(b.perTestBrl()).isEqualTo(50.0);
        assertThat(b.action()).isEqualTo(Budget.Action.RAMP_DOWN);
    }

    @Test
    void specHeuristicScores() {
        var h = Scorers.heuristic();
        String good = "Você vai adorar o pão da nossa padaria, feito todo dia com carinho pela nossa empresa familiar "
                + "no centro da cidade, venha conhecer hoje mesmo e aproveite";
        assertThat(h.score(good, "m")).isEqualTo(1.0);
        assertThat(h.score("short error", "m")).isEqualTo(0.0);
        assertThat(h.score("texto curto", "m")).isEqualTo(0.3);
        assertThat(Scorers.parse("regex:padaria").score(good, "m")).isEqualTo(1.0);
        assertThat(Scorers.parse("json:a.b").score("{\"a\":{\"b\":1}}", "m")).isEqualTo(1.0);
        assertThat(Scorers.parse("json:a.c").score("{\"a\":{\"b\":1}}", "m")).isEqualTo(0.0);
        assertThat(Scorers.parse("length:3-5").score("um dois três", "m")).isEqualTo(1.0);
        assertThatThrownBy(() -> Scorers.parse("bleu")).isInstanceOf(AiConfigException.class);
    }

    @Test
    void rotationWeightsHold() {
        ModelMix mix = ModelMix.spec();
        Map<String, Integer> n = new HashMap<>();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            n.merge(mix.pick(r), 1, Integer::sum);
        }
        assertThat(n.get("gemini-2.5-flash") / 1e5).isCloseTo(0.80, Offset.offset(0.01));
        assertThat(n.get("gpt-3.5-turbo") / 1e5).isCloseTo(0.15, Offset.offset(0.01));
        assertThat(n.get("gpt-4-turbo") / 1e5).isCloseTo(0.05, Offset.offset(0.01));
        assertThatThrownBy(() -> ModelMix.parse("a:0")).hasMessageContaining("positive");
    }

    @Test
    void rateLimiterSpacesReservations() {
        AiRateLimiter l = AiRateLimiter.perMinute(100, 1); // one every 600 ms
        long t0 = 1_000_000_000L;
        assertThat(l.reserve(t0)).isEqualTo(t0);
        assertThat(l.reserve(t0)).isEqualTo(t0 + 600_000_000L);
        assertThat(l.reserve(t0 + 100)).isEqualTo(t0 + 1_200_000_000L);
        // after an idle period the bucket does not hoard more than its burst
        assertThat(l.reserve(t0 + 10_000_000_000L)).isEqualTo(t0 + 10_000_000_000L);
        assertThat(l.reserve(t0 + 10_000_000_000L)).isEqualTo(t0 + 10_600_000_000L);
        assertThatThrownBy(() -> AiRateLimiter.parse("100/fortnight", 1)).isInstanceOf(AiConfigException.class);
    }

    @Test
    void tokensSpreadOverChunksKeepTheTotal() {
        long[] tokens = new long[4];
        StreamTimings.spread(tokens, new long[] {1, 10, 5, 4}, 10);
        assertThat(tokens[0] + tokens[1] + tokens[2] + tokens[3]).isEqualTo(10);
        assertThat(java.util.Arrays.stream(tokens).min().getAsLong()).isGreaterThanOrEqualTo(1);
        StreamTimings st = new StreamTimings(0, 30, new long[] {0, 10, 30}, new long[] {1, 1, 4});
        assertThat(st.interTokenLatencies()).extracting(x -> x[0] + "x" + x[1]).containsExactly("10x1", "5x4");
        assertThat(st.tpotNanos()).isEqualTo(6); // 30 ns over 5 tokens
    }
}
