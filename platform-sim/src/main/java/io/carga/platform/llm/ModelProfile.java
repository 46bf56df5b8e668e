package io.carga.platform.llm;

import java.util.List;
import java.util.Optional;

/**
 * One simulated model: how fast it answers, how it streams and what it costs.
 *
 * <p>Timing figures are in the range public provider dashboards and independent benchmarks report
 * for these models (time to first token around half a second for the fast ones, tens of tokens per
 * second for GPT-4 Turbo). They are not measurements of the real providers and need not be: they give
 * load tests a realistic shape to look at.
 *
 * @param name            wire name, e.g. {@code gemini-2.5-flash}
 * @param provider        which wire format the model's own API speaks
 * @param ttftMedianMs    median time to first token; the distribution is log-normal
 * @param ttftSigma       log-normal sigma of the time to first token (0.35 gives p95 ≈ 1.8 × median)
 * @param tokensPerSecond generation speed after the first token
 * @param tokensPerChunk  tokens per streamed chunk (OpenAI streams one, Gemini streams larger pieces)
 * @param costPerToken    the spec's section 6 cost per token (unit as in the spec: treated as USD)
 * @param defaultQuota    "50% of production limits" (spec section 2.2), see README
 */
public record ModelProfile(String name, Provider provider, double ttftMedianMs, double ttftSigma,
                           double tokensPerSecond, int tokensPerChunk, double costPerToken, Quota defaultQuota) {

    public enum Provider { GEMINI, OPENAI }

    public static final ModelProfile GEMINI_FLASH = new ModelProfile("gemini-2.5-flash", Provider.GEMINI,
            450, 0.35, 180, 48, 0.000001, new Quota(1_000, 1_000_000));
    public static final ModelProfile GPT_35_TURBO = new ModelProfile("gpt-3.5-turbo", Provider.OPENAI,
            350, 0.40, 90, 1, 0.000002, new Quota(1_750, 1_000_000));
    public static final ModelProfile GPT_4_TURBO = new ModelProfile("gpt-4-turbo", Provider.OPENAI,
            800, 0.40, 35, 1, 0.00003, new Quota(250, 150_000));

    public static final List<ModelProfile> ALL = List.of(GEMINI_FLASH, GPT_35_TURBO, GPT_4_TURBO);

    public static Optional<ModelProfile> byName(String name) {
        return ALL.stream().filter(m -> m.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ModelProfile::name).toList();
    }
}
