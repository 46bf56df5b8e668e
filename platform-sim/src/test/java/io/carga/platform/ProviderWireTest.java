package io.carga.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider endpoints answer in the real Gemini and OpenAI shapes. Golden files under
 * {@code src/test/resources/golden/} hold the expected bodies with volatile values (ids, timestamps)
 * masked; run with {@code -Dgolden.update=true} to rewrite them after an intended change.
 */
@Timeout(60)
class ProviderWireTest {
    private static final String PROMPT = "Crie um post para Instagram de uma padaria";

    private static Res openai(String extra) {
        String body = "{\"model\":\"gpt-3.5-turbo\",\"messages\":[{\"role\":\"system\",\"content\":\"Você é um assistente.\"},"
                + "{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"max_tokens\":12" + extra + "}";
        return send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-test").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Res gemini(String method) {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + PROMPT + "\"}]}],"
                + "\"generationConfig\":{\"maxOutputTokens\":100}}";
        return send(HttpRequest.newBuilder(URI.create(url("/v1beta/models/gemini-2.5-flash:" + method)))
                .header("Content-Type", "application/json").header("x-goog-api-key", "test-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void openAiCompletionMatchesGolden() throws IOException {
        Res r = openai("");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("object").asText()).isEqualTo("chat.completion");
        assertThat(j.path("id").asText()).startsWith("chatcmpl-");
        assertThat(j.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        golden("openai-completion.json", mask(j).toPrettyString());
    }

    @Test
    void openAiStreamMatchesGoldenAndAddsUpToTheCompletion() throws IOException {
        Res r = openai(",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        List<String> events = events(r.body());
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(ProviderWireTest::parse).toList();
        assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.path("choices").forEach(ch -> text.append(ch.path("delta").path("content").asText(""))));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").isEmpty()).isTrue();
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(12);
        assertThat(text.toString()).isEqualTo(openai("").json().path("choices").get(0).path("message").path("content").asText());
        assertThat(r.body()).contains(": x-sim {\"model\":\"gpt-3.5-turbo\"");
        // the simulator's own timing has microsecond decimals, so a client's 1 ms accuracy can be checked
        assertThat(r.body()).containsPattern("\"start_ns\":-?\\d+,\"ttft_ms\":\\d+\\.\\d{3},\"planned_ms\":\\[\\d+\\.\\d{3},")
                .containsPattern("\"actual_ms\":\\[\\d+\\.\\d{3},");
        StringBuilder masked = new StringBuilder();
        chunks.forEach(c -> masked.append("data: ").append(mask(c)).append("\n\n"));
        masked.append("data: [DONE]\n\n");
        golden("openai-stream.sse", masked.toString());
    }

    @Test
    void geminiGenerateContentMatchesGolden() throws IOException {
        Res r = gemini("generateContent");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("candidates").get(0).path("finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(j.path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(100);
        golden("gemini-generate.json", mask(j).toPrettyString());
    }

    @Test
    void geminiSseStreamMatchesGolden() throws IOException {
        Res r = send(HttpRequest.newBuilder(URI.create(url("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")))
                .header("Content-Type", "application/json").header("x-goog-api-key", "test-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[{\"text\":\"" + PROMPT + "\"}]}],"
                        + "\"generationConfig\":{\"maxOutputTokens\":100}}")));
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> chunks = events(r.body()).stream().map(ProviderWireTest::parse).toList();
        assertThat(chunks).hasSize(3); // 48 + 48 + 4 tokens
        assertThat(chunks.get(2).path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(100);
        assertThat(chunks.get(0).path("candidates").get(0).has("finishReason")).isFalse();
        StringBuilder masked = new StringBuilder();
        chunks.forEach(c -> masked.append("data: ").append(mask(c)).append("\n\n"));
        golden("gemini-stream.sse", masked.toString());
    }

    @Test
    void geminiStreamWithoutSseIsAJsonArray() {
        Res r = gemini("streamGenerateContent");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json().size()).isEqualTo(3);
    }

    @Test
    void providerErrorsUseTheProvidersEnvelopes() {
        Res noKey = send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        Res badModel = send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"oi\"}]}")));
        assertThat(badModel.status()).isEqualTo(404);
        assertThat(badModel.json().path("error").path("code").asText()).isEqualTo("model_not_found");
        Res noMessages = send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk").POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4-turbo\",\"messages\":[]}")));
        assertThat(noMessages.json().path("error").path("param").asText()).isEqualTo("messages");
        Res gModel = send(HttpRequest.newBuilder(URI.create(url("/v1beta/models/gemini-0:generateContent")))
                .header("x-goog-api-key", "k").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(gModel.status()).isEqualTo(404);
        assertThat(gModel.json().path("error").path("status").asText()).isEqualTo("NOT_FOUND");
        Res gEmpty = send(HttpRequest.newBuilder(URI.create(url("/v1beta/models/gemini-2.5-flash:generateContent")))
                .header("x-goog-api-key", "k").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(gEmpty.status()).isEqualTo(400);
        assertThat(gEmpty.json().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        Res gNoKey = send(HttpRequest.newBuilder(URI.create(url("/v1beta/models/gemini-2.5-flash:generateContent")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(gNoKey.status()).isEqualTo(403);
    }

    static List<String> events(String sse) {
        List<String> out = new ArrayList<>();
        for (String block : sse.split("\r?\n\r?\n")) {
            if (block.startsWith("data: ")) {
                out.add(block.substring(6));
            }
        }
        return out;
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(s, e);
        }
    }

    /** Masks values that differ per call: ids and creation times. */
    static JsonNode mask(JsonNode n) {
        JsonNode copy = n.deepCopy();
        if (copy instanceof ObjectNode o) {
            if (o.has("id")) {
                o.put("id", "<id>");
            }
            if (o.has("created")) {
                o.put("created", 0);
            }
            if (o.has("responseId")) {
                o.put("responseId", "<responseId>");
            }
        }
        return copy;
    }

    static void golden(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
