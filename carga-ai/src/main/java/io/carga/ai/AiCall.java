package io.carga.ai;

import io.carga.ai.wire.AiRequest;
import io.carga.core.event.Tags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AI request being written in a scenario; {@link #send()} or {@link #stream()} sends it and reports one
 * event. The statistics name defaults to {@code ai <provider> <path>}; give it your own with {@link #name}.
 *
 * <pre>{@code
 * AiResponse r = ai.openai("gpt-3.5-turbo").prompt("Crie um post para Instagram de uma padaria").maxTokens(300).stream();
 * ai.gemini(null).rotate().prompt("Gere ideias de promoção").send();      // model from the 80/15/5 mix
 * ai.platform("/api/v1/departments/marketing/generate").field("business_type", "padaria").send();
 * }</pre>
 */
public final class AiCall {
    private final AiClient client;
    private final Provider provider;
    private String model;
    private String system;
    private String prompt;
    private int maxTokens;
    private String path;
    private String name;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private Tags tags = Tags.EMPTY;

    AiCall(AiClient client, Provider provider, String model, String path) {
        this.client = client;
        this.provider = provider;
        this.model = model;
        this.path = path;
    }

    public AiCall model(String m) {
        this.model = m;
        return this;
    }

    /** Picks the model from the run's weighted mix ({@code ai.mix}, the spec's 80/15/5 by default), or by load ({@code ai.routing=by_load}). */
    public AiCall rotate() {
        this.model = client.pickModel();
        return this;
    }

    public AiCall system(String instruction) {
        this.system = instruction;
        return this;
    }

    public AiCall prompt(String text) {
        this.prompt = text;
        return this;
    }

    public AiCall maxTokens(int n) {
        this.maxTokens = n;
        return this;
    }

    public AiCall path(String p) {
        this.path = p;
        return this;
    }

    public AiCall name(String statisticsName) {
        this.name = statisticsName;
        return this;
    }

    /**
     * Tags the request's statistics besides its model, e.g. {@code tier} for a plan's service tiers. A tag
     * named {@code model} is ignored: the model tag is always the model asked for.
     */
    public AiCall tag(String key, String value) {
        if (!AiFields.MODEL.equals(key)) {
            tags = tags.with(key, value);
        }
        return this;
    }

    /** A further top-level JSON field of the body ({@code business_type} for the marketing department). */
    public AiCall field(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** Sends and waits for the whole answer. */
    public AiResponse send() {
        return client.execute(request(false), name, tags);
    }

    /** Sends with streaming, measuring TTFT, ITL and TPOT chunk by chunk. */
    public AiResponse stream() {
        return client.execute(request(true), name, tags);
    }

    private AiRequest request(boolean stream) {
        String m = model != null ? model : client.pickModel();
        return new AiRequest(provider, m, system, prompt, maxTokens, stream, path, extra);
    }
}
