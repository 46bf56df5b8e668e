package io.carga.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.platform.llm.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class DepartmentsTest {
    static String token;

    @BeforeAll
    static void login() {
        token = SimFixture.login(5678);
    }

    @Test
    void marketingAsTheSpecJourneySendsIt() throws Exception {
        long before = count("SELECT count(*) FROM ai_generations WHERE business_id = 678");
        Res r = post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "padaria",
                "content_type", "instagram_post", "model", "gemini-2.5-flash", "context", "Negócio: padaria em São Paulo")), token);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("content").asText()).contains("padaria").containsAnyOf("você", "nosso", "empresa");
        assertThat(j.path("business_relevance_score").asDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(j.path("model").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(j.path("usage").path("completion_tokens").asInt()).isEqualTo(Tokenizer.count(j.path("content").asText()));
        assertThat(j.path("usage").path("total_tokens").asInt())
                .isEqualTo(j.path("usage").path("prompt_tokens").asInt() + j.path("usage").path("completion_tokens").asInt());
        assertThat(j.path("cost").asDouble()).isEqualTo(j.path("usage").path("total_tokens").asInt() * 0.000001, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.header("X-Sim-TTFT-Ms")).isNotNull();
        assertThat(r.header("X-Sim-Schedule-Ms")).isNotNull();
        assertThat(count("SELECT count(*) FROM ai_generations WHERE business_id = 678")).isEqualTo(before + 1);
    }

    @Test
    void regionalBusinessTypesFromSection32AreAccepted() {
        for (String type : new String[] {"açaí", "churrascaria", "farmácia", "pet shop", "academia", "loja_roupas", "salao_beleza"}) {
            Res r = post("/api/v1/departments/marketing/generate", json(Map.of("business_type", type,
                    "location", "Salvador, Brasil", "content_type", "social_media_post", "model", "gemini-2.5-flash")), token);
            assertThat(r.status()).as(type).isEqualTo(200);
            assertThat(r.json().path("content").asText()).contains("Salvador");
        }
    }

    @Test
    void marketingValidationNamesTheField() {
        Res t = post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "nave espacial")), token);
        assertThat(t.status()).isEqualTo(400);
        assertThat(t.json().path("error").path("field").asText()).isEqualTo("business_type");
        Res m = post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "padaria", "model", "gpt-5")), token);
        assertThat(m.json().path("error").path("field").asText()).isEqualTo("model");
        Res c = post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "padaria", "content_type", "novel")), token);
        assertThat(c.json().path("error").path("field").asText()).isEqualTo("content_type");
        Res mt = post("/api/v1/departments/marketing/generate", "{\"business_type\":\"padaria\",\"max_tokens\":-3}", token);
        assertThat(mt.json().path("error").path("field").asText()).isEqualTo("max_tokens");
    }

    @Test
    void sameRequestSameTextForTheSeed() {
        String body = json(Map.of("business_type", "academia", "context", "Negócio: academia em Recife"));
        String a = post("/api/v1/departments/marketing/generate", body, token).json().path("content").asText();
        String b = post("/api/v1/departments/marketing/generate", body, token).json().path("content").asText();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void cxChatAnswersInPortugueseForAnyBusinessInTheSpecRange() throws Exception {
        long before = count("SELECT count(*) FROM whatsapp_messages WHERE business_id = 321");
        Res r = post("/api/v1/departments/cx/chat", json(Map.of("message", "Qual o horário de funcionamento?",
                "channel", "whatsapp", "business_id", "biz_321")), token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("reply").asText()).contains("funciona");
        assertThat(r.json().path("business_id").asText()).isEqualTo("biz_321");
        assertThat(count("SELECT count(*) FROM whatsapp_messages WHERE business_id = 321")).isEqualTo(before + 2);
        for (int biz : new int[] {100, 999}) {
            assertThat(post("/api/v1/departments/cx/chat", json(Map.of("message", "Olá, preciso de ajuda", "channel", "whatsapp",
                    "business_id", "biz_" + biz)), token).status()).isEqualTo(200);
        }
    }

    @Test
    void cxChatErrors() {
        Res unknown = post("/api/v1/departments/cx/chat", json(Map.of("message", "Oi", "business_id", "biz_987654")), token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("field").asText()).isEqualTo("business_id");
        Res badId = post("/api/v1/departments/cx/chat", json(Map.of("message", "Oi", "business_id", "empresa-x")), token);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("error").path("field").asText()).isEqualTo("business_id");
        Res channel = post("/api/v1/departments/cx/chat", json(Map.of("message", "Oi", "business_id", "biz_1", "channel", "fax")), token);
        assertThat(channel.json().path("error").path("field").asText()).isEqualTo("channel");
        Res noMessage = post("/api/v1/departments/cx/chat", json(Map.of("business_id", "biz_1")), token);
        assertThat(noMessage.json().path("error").path("field").asText()).isEqualTo("message");
    }

    @Test
    void aiGenerateHonoursMaxTokens() {
        Res r = post("/api/v1/ai/generate", json(Map.of("prompt", "Crie um post para Instagram de uma padaria",
                "model", "gemini-2.5-flash", "max_tokens", 10)), token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("usage").path("completion_tokens").asInt()).isEqualTo(10);
        assertThat(r.json().path("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void aiGenerateStreamSendsDeltasThenDone() {
        Res r = post("/api/v1/ai/generate/stream", json(Map.of("prompt", "Gere ideias de promoção para restaurante",
                "model", "gpt-3.5-turbo")), token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        StringBuilder text = new StringBuilder();
        JsonNode done = null;
        for (String block : r.body().split("\n\n")) {
            if (block.startsWith("data: ")) {
                JsonNode ev = SimFixture.JSON.valueToTree(parse(block.substring(6)));
                if (ev.path("type").asText().equals("delta")) {
                    text.append(ev.path("content").asText());
                } else {
                    done = ev;
                }
            }
        }
        assertThat(done).isNotNull();
        assertThat(done.path("usage").path("completion_tokens").asInt()).isEqualTo(Tokenizer.count(text.toString()));
        assertThat(r.body()).contains(": x-sim {");
    }

    private static JsonNode parse(String s) {
        try {
            return SimFixture.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
