package io.carga.ai.rotation;

import io.carga.ai.cost.AiConfigException;
import java.util.random.RandomGenerator;

/**
 * The spec's model routing by load (section 9.2, {@code optimize_model_selection_based_on_load}): under
 * {@code low} live users Gemini Flash; under {@code high} the mixed routing, 80 % Flash and 20 % GPT-3.5;
 * from {@code high} up Flash again ("stick to cost efficiency under pressure"). {@code ai.routing=by_load}
 * turns it on for every request that asks for the mix; {@code ai.routing.bands=100,500} moves the bands.
 * Immutable and thread-safe.
 */
public record LoadRouting(int low, int high) {
    public static final String FLASH = "gemini-2.5-flash";
    public static final String GPT35 = "gpt-3.5-turbo";
    /** The spec's bands. */
    public static final LoadRouting SPEC = new LoadRouting(100, 500);
    private static final ModelMix MIXED = ModelMix.of(FLASH, 80, GPT35, 20);

    public LoadRouting {
        if (low < 1 || high <= low) {
            throw new AiConfigException("ai.routing.bands: expected LOW,HIGH with 1 <= LOW < HIGH, were " + low + "," + high);
        }
    }

    /** {@code ai.routing}, with {@code ai.routing.bands}; null for {@code mix} (the weighted mix, the default). */
    public static LoadRouting parse(String routing, String bands) {
        if (routing == null || routing.strip().equals("mix")) {
            return null;
        }
        if (!routing.strip().replace('-', '_').equals("by_load")) {
            throw new AiConfigException("ai.routing: expected mix or by_load, was '" + routing + "'");
        }
        if (bands == null) {
            return SPEC;
        }
        String[] p = bands.split(",");
        try {
            return new LoadRouting(Integer.parseInt(p[0].strip()), Integer.parseInt(p[p.length - 1].strip()));
        } catch (NumberFormatException e) {
            throw new AiConfigException("ai.routing.bands: expected LOW,HIGH users, was '" + bands + "'");
        }
    }

    /** The model for a request made while {@code users} users are live. */
    public String pick(int users, RandomGenerator random) {
        return users < low || users >= high ? FLASH : MIXED.pick(random);
    }

    /** The load band of {@code users}, as the report's matrix names it: {@code <100}, {@code 100-499}, {@code 500+}. */
    public String band(int users) {
        return users < low ? "<" + low : users < high ? low + "-" + (high - 1) : high + "+";
    }
}
