package io.carga.ai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.ai.Provider;

/**
 * One provider's wire format: the request path and body, and how to read a whole answer or one streamed
 * event. Stateless and thread-safe.
 */
public sealed interface Wire permits OpenAiWire, GeminiWire, PlatformWire {
    ObjectMapper JSON = new ObjectMapper();
    /** Reads trees without resolving the target type on every call, as {@code JSON.readTree} does (per chunk). */
    ObjectReader TREE = JSON.readerFor(JsonNode.class);

    /** The path of {@code r} (starting with '/', query included). */
    String path(AiRequest r);

    /** The JSON body of {@code r}. */
    ObjectNode body(AiRequest r);

    /** Content text and usage of a complete (non-streamed) answer; usage null when absent. */
    Answer parse(JsonNode body) throws MalformedAnswerException;

    /** One streamed event's data (already known not to be {@code [DONE]}). */
    Chunk chunk(JsonNode data) throws MalformedAnswerException;

    /** A complete answer: its text and usage (null when the provider sent none). */
    record Answer(String text, Usage usage) {
    }

    static Wire of(Provider p) {
        return switch (p) {
            case OPENAI -> OpenAiWire.INSTANCE;
            case GEMINI -> GeminiWire.INSTANCE;
            case PLATFORM -> PlatformWire.INSTANCE;
        };
    }

    /** A provider's error message out of its error envelope, or a short excerpt of the body. */
    static String errorMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode e = n.path("error");
            if (e.isObject() && e.path("message").isTextual()) {
                return e.path("message").asText();
            }
            if (e.isTextual()) {
                return e.asText();
            }
            if (n.path("message").isTextual()) {
                return n.path("message").asText();
            }
        } catch (Exception notJson) {
            // fall through to the excerpt
        }
        String t = body.strip();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    static long count(JsonNode n, String field) throws MalformedAnswerException {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return -1;
        }
        if (!v.canConvertToLong() || v.asLong() < 0) {
            throw new MalformedAnswerException("usage field " + field + " is not a count: " + v);
        }
        return v.asLong();
    }
}
