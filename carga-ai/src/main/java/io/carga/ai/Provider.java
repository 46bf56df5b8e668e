package io.carga.ai;

/**
 * The wire format an AI request speaks. The same scenario runs against the reference platform's simulated
 * providers and the real services: only the base URL and the key change.
 */
public enum Provider {
    /** OpenAI Chat Completions, {@code POST /v1/chat/completions}, streaming with {@code stream: true}. */
    OPENAI,
    /** Gemini {@code POST /v1beta/models/{model}:generateContent}, streaming with {@code :streamGenerateContent?alt=sse}. */
    GEMINI,
    /**
     * The platform's own AI endpoints ({@code /api/v1/ai/generate[/stream]}, the department endpoints): a JSON
     * body with {@code content} and {@code usage}, a stream of {@code delta} events ended by a {@code done} event.
     */
    PLATFORM
}
