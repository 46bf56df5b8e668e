package io.carga.platform.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.llm.Completion;

import java.util.Base64;
import java.util.HexFormat;

/**
 * The Gemini API's response shapes ({@code v1beta generateContent} and {@code streamGenerateContent?alt=sse}),
 * field for field and in the same order as the real service: every streamed chunk repeats
 * {@code usageMetadata} with a cumulative {@code candidatesTokenCount}, and only the last carries
 * {@code finishReason}. Thinking tokens are not simulated, so {@code thoughtsTokenCount} is absent (as it
 * is on the real API with thinking off).
 */
public final class GeminiWire {
    private final ObjectMapper json;

    public GeminiWire(ObjectMapper json) {
        this.json = json;
    }

    /** Gemini's {@code responseId}: 22-23 url-safe base64 characters. */
    public static String responseId(Completion c) {
        byte[] raw = HexFormat.of().parseHex(c.id().substring(0, 32));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).substring(0, 22);
    }

    public ObjectNode response(Completion c) {
        return body(c, c.text(), true, c.completionTokens());
    }

    /** Chunk {@code i} of a stream; {@code tokensSoFar} includes this chunk's tokens. */
    public ObjectNode chunk(Completion c, int i, int tokensSoFar) {
        return body(c, c.chunks().get(i), i == c.chunks().size() - 1, tokensSoFar);
    }

    private ObjectNode body(Completion c, String text, boolean last, int candidateTokens) {
        ObjectNode root = json.createObjectNode();
        ObjectNode cand = root.putArray("candidates").addObject();
        ObjectNode content = cand.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        if (last) {
            cand.put("finishReason", c.finishReason().equals("length") ? "MAX_TOKENS" : "STOP");
        }
        cand.put("index", 0);
        ObjectNode usage = root.putObject("usageMetadata");
        usage.put("promptTokenCount", c.promptTokens());
        usage.put("candidatesTokenCount", candidateTokens);
        usage.put("totalTokenCount", c.promptTokens() + candidateTokens);
        ArrayNode details = usage.putArray("promptTokensDetails");
        details.addObject().put("modality", "TEXT").put("tokenCount", c.promptTokens());
        root.put("modelVersion", c.model().name());
        root.put("responseId", responseId(c));
        return root;
    }

    /** Google's error envelope: {@code {"error":{"code":429,"message":...,"status":"RESOURCE_EXHAUSTED"}}}. */
    public ObjectNode error(int code, String message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("code", code);
        e.put("message", message);
        e.put("status", switch (code) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        });
        return root;
    }
}
