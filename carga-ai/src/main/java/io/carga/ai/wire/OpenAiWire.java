package io.carga.ai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions. Streams ask for {@code stream_options.include_usage}, so the last chunk before
 * {@code [DONE]} carries the usage; the answer is complete once {@code [DONE]} arrives.
 */
public final class OpenAiWire implements Wire {
    static final OpenAiWire INSTANCE = new OpenAiWire();

    private OpenAiWire() {
    }

    @Override
    public String path(AiRequest r) {
        return r.path() != null ? r.path() : "/v1/chat/completions";
    }

    @Override
    public ObjectNode body(AiRequest r) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", r.model());
        ArrayNode messages = b.putArray("messages");
        if (r.system() != null) {
            messages.addObject().put("role", "system").put("content", r.system());
        }
        messages.addObject().put("role", "user").put("content", r.prompt() == null ? "" : r.prompt());
        if (r.maxTokens() > 0) {
            b.put("max_tokens", r.maxTokens());
        }
        if (r.stream()) {
            b.put("stream", true);
            b.putObject("stream_options").put("include_usage", true);
        }
        r.extra().forEach((k, v) -> b.set(k, JSON.valueToTree(v)));
        return b;
    }

    @Override
    public Answer parse(JsonNode body) throws MalformedAnswerException {
        JsonNode msg = body.path("choices").path(0).path("message");
        if (!msg.isObject()) {
            throw new MalformedAnswerException("no choices[0].message in the answer");
        }
        return new Answer(msg.path("content").asText(""), usage(body.path("usage")));
    }

    @Override
    public Chunk chunk(JsonNode data) throws MalformedAnswerException {
        JsonNode choices = data.path("choices");
        if (!choices.isArray()) {
            throw new MalformedAnswerException("chunk without a choices array");
        }
        String text = choices.isEmpty() ? "" : choices.path(0).path("delta").path("content").asText("");
        return new Chunk(text, usage(data.path("usage")), false, false);
    }

    private static Usage usage(JsonNode u) throws MalformedAnswerException {
        if (!u.isObject()) {
            return null;
        }
        long in = Wire.count(u, "prompt_tokens");
        long out = Wire.count(u, "completion_tokens");
        return in < 0 || out < 0 ? null : new Usage(in, out, false);
    }
}
