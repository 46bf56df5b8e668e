package io.carga.shadow.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an LLM answer says about itself, read from its JSON: the model, the tokens and the text. Knows the OpenAI
 * chat format ({@code choices[0].message.content}, {@code usage.prompt_tokens}), Gemini's
 * ({@code candidates[0].content.parts[0].text}, {@code usageMetadata}) and a flat one ({@code model}, {@code content}
 * or {@code text}, {@code usage.input_tokens}). An answer with neither a model nor tokens is not an AI answer.
 */
public record AiAnswer(String model, long inputTokens, long outputTokens, String text) {

    /** The AI answer in {@code body}, or null when it is none. */
    public static AiAnswer of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String model = text(body.path("model"), body.path("modelVersion"));
        JsonNode usage = body.path("usage");
        JsonNode gemini = body.path("usageMetadata");
        long in = first(usage.path("prompt_tokens"), usage.path("input_tokens"), gemini.path("promptTokenCount"));
        long out = first(usage.path("completion_tokens"), usage.path("output_tokens"), gemini.path("candidatesTokenCount"));
        if (model == null && in < 0 && out < 0) {
            return null;
        }
        String text = text(body.path("choices").path(0).path("message").path("content"),
                body.path("candidates").path(0).path("content").path("parts").path(0).path("text"),
                body.path("content"), body.path("text"));
        return new AiAnswer(model == null ? "" : model, Math.max(0, in), Math.max(0, out), text == null ? "" : text);
    }

    private static String text(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual()) {
                return n.asText();
            }
        }
        return null;
    }

    private static long first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isNumber()) {
                return n.asLong();
            }
        }
        return -1;
    }
}
