package io.carga.ai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gemini generateContent. Every streamed chunk repeats {@code usageMetadata} with a cumulative
 * {@code candidatesTokenCount}, which gives each chunk's exact token count; the chunk with a
 * {@code finishReason} completes the answer.
 */
public final class GeminiWire implements Wire {
    static final GeminiWire INSTANCE = new GeminiWire();

    private GeminiWire() {
    }

    @Override
    public String path(AiRequest r) {
        if (r.path() != null) {
            return r.path();
        }
        return "/v1beta/models/" + r.model() + (r.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent");
    }

    @Override
    public ObjectNode body(AiRequest r) {
        ObjectNode b = JSON.createObjectNode();
        if (r.system() != null) {
            b.putObject("systemInstruction").putArray("parts").addObject().put("text", r.system());
        }
        ObjectNode content = b.putArray("contents").addObject();
        content.put("role", "user");
        content.putArray("parts").addObject().put("text", r.prompt() == null ? "" : r.prompt());
        if (r.maxTokens() > 0) {
            b.putObject("generationConfig").put("maxOutputTokens", r.maxTokens());
        }
        r.extra().forEach((k, v) -> b.set(k, JSON.valueToTree(v)));
        return b;
    }

    @Override
    public Answer parse(JsonNode body) throws MalformedAnswerException {
        Chunk c = chunk(body);
        return new Answer(c.text(), c.usage());
    }

    @Override
    public Chunk chunk(JsonNode data) throws MalformedAnswerException {
        JsonNode candidates = data.path("candidates");
        if (!candidates.isArray()) {
            throw new MalformedAnswerException("answer without a candidates array");
        }
        StringBuilder text = new StringBuilder();
        JsonNode first = candidates.path(0);
        for (JsonNode part : first.path("content").path("parts")) {
            text.append(part.path("text").asText(""));
        }
        JsonNode u = data.path("usageMetadata");
        Usage usage = null;
        if (u.isObject()) {
            long in = Wire.count(u, "promptTokenCount");
            long out = Wire.count(u, "candidatesTokenCount");
            if (in >= 0) {
                usage = new Usage(in, Math.max(0, out), false);
            }
        }
        return new Chunk(text.toString(), usage, true, first.path("finishReason").isTextual());
    }
}
