package io.carga.platform.llm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmUnitTest {

    @Test
    void tokenizerPiecesRebuildTheTextExactly() {
        String text = "Olá, pessoal de São Paulo! O pão de queijo sai por R$ 9,90.\n\n#padaria #comprelocal 🍞";
        List<String> pieces = Tokenizer.pieces(text);
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(Tokenizer.count(text)).isEqualTo(pieces.size());
        assertThat(Tokenizer.pieces("paralelepípedo")).containsExactly("paral", "elepí", "pedo");
        assertThat(Tokenizer.count("")).isZero();
    }

    @Test
    void quotaRefillsSmoothlyAndSaysWhenToRetry() {
        AtomicLong now = new AtomicLong();
        QuotaLimiter q = new QuotaLimiter(Map.of("m", new Quota(60, 0)), now::get);
        for (int i = 0; i < 60; i++) {
            assertThat(q.acquire("m", 10).admitted()).isTrue();
        }
        QuotaLimiter.Admission refused = q.acquire("m", 10);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // 60 RPM refills one request per second
        now.addAndGet(1_000_000_000L);
        assertThat(q.acquire("m", 10).admitted()).isTrue();
        assertThat(q.acquire("other-model", 1_000_000).admitted()).isTrue(); // unlisted model: unlimited
    }

    @Test
    void tokenQuotaCountsTokens() {
        AtomicLong now = new AtomicLong();
        QuotaLimiter q = new QuotaLimiter(Map.of("m", new Quota(0, 600)), now::get);
        assertThat(q.acquire("m", 500).admitted()).isTrue();
        QuotaLimiter.Admission refused = q.acquire("m", 500);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.limit()).isEqualTo("tokens per minute");
        assertThat(refused.retryAfterSeconds()).isEqualTo(40); // 400 missing tokens at 10 tokens/s
    }

    @Test
    void faultSettingsRejectNonsense() {
        assertThatThrownBy(() -> new FaultSettings(1.5, Map.of(), 0, 0, 0, 1)).hasMessageStartingWith("errorRate");
        assertThatThrownBy(() -> new FaultSettings(0, Map.of(), 0, 100, 200, 1)).hasMessageContaining("stallForMs");
        assertThat(new FaultSettings(0.1, Map.of("gpt-4-turbo", 0.5), 0, 0, 0, 1).errorRateFor("gpt-4-turbo")).isEqualTo(0.5);
    }

    @Test
    void planIsChunkedPerModelAndScheduledInOrder() {
        FaultController faults = new FaultController(new FaultSettings(0, Map.of(), 100, 0, 0, 2.0), System::nanoTime);
        LlmSimulator sim = new LlmSimulator(42, 1.0, faults, new QuotaLimiter(Map.of(), System::nanoTime), LlmObserver.NONE);
        String text = sim.generator().write(ContentGenerator.Kind.SOCIAL_POST, BusinessType.PADARIA, "Recife", "k", null);
        Completion openai = sim.plan(ModelProfile.GPT_35_TURBO, "prompt", text, null);
        assertThat(openai.chunks()).hasSize(openai.completionTokens()); // one token per chunk
        Completion gemini = sim.plan(ModelProfile.GEMINI_FLASH, "prompt", text, null);
        assertThat(gemini.chunkTokens().get(0)).isEqualTo(48);
        assertThat(String.join("", gemini.chunks())).isEqualTo(text);
        assertThat(gemini.ttftMicros()).isGreaterThanOrEqualTo(100_000); // extra latency applies
        for (int i = 1; i < openai.chunkDueMicros().length; i++) {
            assertThat(openai.chunkDueMicros()[i]).isGreaterThanOrEqualTo(openai.chunkDueMicros()[i - 1]);
        }
        // slowStreamFactor 2 at 90 tok/s: on average about 22 ms per token after the first.
        double perToken = (openai.totalMicros() - openai.ttftMicros()) / 1000.0 / (openai.completionTokens() - 1);
        assertThat(perToken).isBetween(17.0, 27.0);
    }

    @Test
    void playEmitsChunksNearTheirPlannedTimes() throws Exception {
        FaultController faults = new FaultController(FaultSettings.NONE, System::nanoTime);
        LlmSimulator sim = new LlmSimulator(7, 0.25, faults, new QuotaLimiter(Map.of(), System::nanoTime), LlmObserver.NONE);
        Completion c = sim.plan(ModelProfile.GPT_35_TURBO, "p", "Olá! Como posso ajudar você hoje com o seu pedido?", null);
        Waits waits = new Waits();
        long start = System.nanoTime();
        long[] actual = sim.play(c, start, waits, null);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isBetween(c.chunkDueMicros()[i], c.chunkDueMicros()[i] + 150_000); // microseconds
        }
        assertThat(waits.waitedNanos()).isGreaterThanOrEqualTo(c.totalMicros() * 1_000 - 2_000_000);
    }

    @Test
    void scheduleIsReportedInMillisecondsWithMicrosecondDecimals() {
        assertThat(Completion.ms(341_237)).isEqualTo("341.237");
        assertThat(Completion.ms(5)).isEqualTo("0.005");
        assertThat(Completion.ms(1_040)).isEqualTo("1.040");
        assertThat(Completion.msList(new long[] {0, 12_345}, ",")).isEqualTo("0.000,12.345");
    }

    @Test
    void stallsPauseStreamsInFlight() throws Exception {
        AtomicLong clock = new AtomicLong(0);
        FaultController f = new FaultController(new FaultSettings(0, Map.of(), 0, 1_000, 300, 1), clock::get);
        assertThat(f.stallEndAt(500_000_000L)).isZero();           // first period: no stall yet
        assertThat(f.stallEndAt(1_100_000_000L)).isEqualTo(1_300_000_000L);
        assertThat(f.stallEndAt(1_400_000_000L)).isZero();
        assertThat(f.nextStallStart(1_400_000_000L)).isEqualTo(2_000_000_000L);
    }

    @Test
    void businessTypesResolveTheWayTheJourneysSpellThem() {
        assertThat(BusinessType.parse("Salão de Beleza")).contains(BusinessType.SALAO_BELEZA);
        assertThat(BusinessType.parse("restaurant")).contains(BusinessType.RESTAURANTE);
        assertThat(BusinessType.parse("açaí")).contains(BusinessType.ACAI);
        assertThat(BusinessType.parse("pet shop")).contains(BusinessType.PET_SHOP);
        assertThat(BusinessType.parse("foguete")).isEmpty();
    }
}
