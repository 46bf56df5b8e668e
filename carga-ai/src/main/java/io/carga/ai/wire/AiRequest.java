package io.carga.ai.wire;

import io.carga.ai.Provider;
import java.util.Map;

/**
 * One AI request as the scenario described it, before it is put on the wire.
 *
 * @param provider  the wire format
 * @param model     the model asked for
 * @param system    a system instruction, or null
 * @param prompt    the user's message (for the platform's endpoints: the {@code prompt} field, may be null)
 * @param maxTokens an output cap, or 0 for none
 * @param stream    whether to stream the answer
 * @param path      the endpoint path (the provider's default when null)
 * @param extra     more top-level JSON fields (the department endpoints' {@code business_type}…)
 */
public record AiRequest(Provider provider, String model, String system, String prompt, int maxTokens, boolean stream,
                        String path, Map<String, Object> extra) {
    public AiRequest {
        if (provider == null) {
            throw new IllegalArgumentException("provider is null");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is empty");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0, was " + maxTokens);
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** The same request to {@code newModel} on {@code newProvider} (its default endpoint unless it is the platform). */
    public AiRequest onModel(String newModel, Provider newProvider) {
        return new AiRequest(newProvider, newModel, system, prompt, maxTokens, stream, newProvider == provider ? path : null, extra);
    }

        /** The text sent as input, for token estimates and logs. */
    public String inputText() {
        return (system == null ? "" : system + "\n") + (prompt == null ? "" : prompt);
    }
}
