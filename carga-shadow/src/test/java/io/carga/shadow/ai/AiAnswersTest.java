package io.carga.shadow.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.shadow.proxy.Answer;
import io.carga.shadow.proxy.CapturedRequest;
import io.carga.shadow.results.Comparison;
import io.carga.shadow.results.EndpointFigures;
import io.carga.shadow.results.ShadowResults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AI endpoints: tokens, cost and quality on each side of the same requests. */
class AiAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void openAiAndGeminiAnswersAreRead() throws Exception {
        AiAnswer openai = AiAnswer.of(JSON.readTree("{\"model\":\"gpt-3.5-turbo\",\"choices\":[{\"message\":{\"content\":\"Olá\"}}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":30}}"));
        assertThat(openai).isEqualTo(new AiAnswer("gpt-3.5-turbo", 12, 30, "Olá"));
        AiAnswer gemini = AiAnswer.of(JSON.readTree("{\"modelVersion\":\"gemini-2.5-flash\",\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Oi\"}]}}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":7}}"));
        assertThat(gemini).isEqualTo(new AiAnswer("gemini-2.5-flash", 5, 7, "Oi"));
        assertThat(AiAnswer.of(JSON.readTree("{\"business_id\":\"biz_1\"}"))).isNull();
    }

    @Test
    void bothSidesGetTokensCostAndQuality() {
        ShadowResults results = ShadowResults.defaults();
        String good = "Nosso time ajuda você e sua empresa a crescer com posts que falam com os clientes certos, todos os dias, "
                + "com ofertas da semana, novidades do cardápio e respostas rápidas para quem pergunta pelo WhatsApp";
        for (int i = 0; i < 4; i++) {
            results.add(new Comparison("POST /v1/chat/completions", new CapturedRequest("POST", "/v1/chat/completions", Map.of(), null),
                    answer("gpt-3.5-turbo", 100, 200, good), answer("gpt-4-turbo", 100, 400, "error"), null, Set.of("$.model"), Set.of()));
        }
        EndpointFigures e = results.figures().get(0);
        assertThat(e.aiPrimary().answers()).isEqualTo(4);
        assertThat(e.aiPrimary().tokensPerRequest()).isEqualTo(300);
        assertThat(e.aiCandidate().tokensPerRequest()).isEqualTo(500);
        assertThat(e.aiCandidate().costPerRequestBrl()).isGreaterThan(e.aiPrimary().costPerRequestBrl()).isPositive();
        assertThat(e.aiPrimary().qualityMean()).isEqualTo(1.0);
        assertThat(e.aiCandidate().qualityMean()).isLessThan(0.7);
    }

    private static Answer answer(String model, int in, int out, String text) {
        String body = "{\"model\":\"" + model + "\",\"choices\":[{\"message\":{\"content\":\"" + text + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + out + "}}";
        return new Answer(200, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8), false, 1_000_000);
    }
}
