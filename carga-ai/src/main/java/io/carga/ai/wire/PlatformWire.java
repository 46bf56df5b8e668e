package io.carga.ai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform's own AI endpoints: {@code {"content", "usage": {"prompt_tokens", "completion_tokens"}}}
 * answers, and streams of {@code {"type":"delta","content"}} events ended by {@code {"type":"done", "usage"}}.
 */
public final class PlatformWire implements Wire {
    static final PlatformWire INSTANCE = new PlatformWire();

    private PlatformWire() {
    }

    @Override
    public String path(AiRequest r) {
        return r.path() != null ? r.path() : r.stream() ? "/api/v1/ai/generate/stream" : "/api/v1/ai/generate";
    }

    @Override
    public ObjectNode body(AiRequest r) {
        ObjectNode b = JSON.createObjectNode();
        if (r.prompt() != null) {
            b.put("prompt", r.prompt());
        }
        b.put("model", r.model());
        if (r.maxTokens() > 0) {
            b.put("max_tokens", r.maxTokens());
        }
        r.extra().forEach((k, v) -> b.set(k, JSON.valueToTree(v)));
        return b;
    }

    @Override
    public Answer parse(JsonNode body) throws MalformedAnswerException {
        if (!body.path("content").isTextual()) {
            throw new MalformedAnswerException("answer without a content text");
        }
        return new Answer(body.path("content").asText(), usage(body.path("usage")));
    }

    @Override
    public Chunk chunk(JsonNode data) throws MalformedAnswerException {
        String type = data.path("type").asText("");
        return switch (type) {
            case "delta" -> new Chunk(data.path("content").asText(""), null, false, false);
            case "done" -> new Chunk("", usage(data.path("usage")), false, true);
            default -> throw new MalformedAnswerException("stream event of unknown type '" + type + "'");
        };
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
