package io.carga.ai.rotation;

import io.carga.ai.cost.AiConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A weighted model mix: each AI request that asks for the mix gets a model drawn by weight, from the user's
 * own (seeded) random source. Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelMix mix = ModelMix.spec();            // gemini-2.5-flash 80, gpt-3.5-turbo 15, gpt-4-turbo 5
 * String model = mix.pick(random());
 * }</pre>
 * Text form ({@code ai.mix}): {@code gemini-2.5-flash:80,gpt-3.5-turbo:15,gpt-4-turbo:5}.
 */
public final class ModelMix {
    private final List<String> models;
    private final double[] cumulative;
    private final Map<String, Double> weights;

    private ModelMix(Map<String, Double> weights) {
        if (weights.isEmpty()) {
            throw new AiConfigException("model mix: at least one model is needed");
        }
        double sum = 0;
        this.models = new ArrayList<>(weights.keySet());
        this.cumulative = new double[models.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
                throw new AiConfigException("model mix: the weight of '" + e.getKey() + "' must be positive, was " + e.getValue());
            }
            sum += e.getValue();
            cumulative[i++] = sum;
        }
        this.weights = Map.copyOf(weights);
    }

    /** The spec's rotation (section 4.2): 80 / 15 / 5. */
    public static ModelMix spec() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("gemini-2.5-flash", 80.0);
        m.put("gpt-3.5-turbo", 15.0);
        m.put("gpt-4-turbo", 5.0);
        return new ModelMix(m);
    }

    /** {@code of("a", 80, "b", 20)}. */
    public static ModelMix of(Object... modelsAndWeights) {
        if (modelsAndWeights.length == 0 || modelsAndWeights.length % 2 != 0) {
            throw new AiConfigException("model mix: expected model, weight pairs");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < modelsAndWeights.length; i += 2) {
            m.put(String.valueOf(modelsAndWeights[i]), ((Number) modelsAndWeights[i + 1]).doubleValue());
        }
        return new ModelMix(m);
    }

    /** Parses {@code model:weight,model:weight}. */
    public static ModelMix parse(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw new AiConfigException("ai.mix: expected model:weight, was '" + part.strip() + "'");
            }
            try {
                m.put(part.substring(0, colon).strip(), Double.parseDouble(part.substring(colon + 1).strip()));
            } catch (NumberFormatException e) {
                throw new AiConfigException("ai.mix: the weight of '" + part.substring(0, colon).strip() + "' is not a number");
            }
        }
        return new ModelMix(m);
    }

    public String pick(RandomGenerator random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return models.get(i);
            }
        }
        return models.get(models.size() - 1);
    }

    public List<String> models() {
        return List.copyOf(models);
    }

    /** The share of {@code model}, 0..1. */
    public double share(String model) {
        Double w = weights.get(model);
        return w == null ? 0 : w / cumulative[cumulative.length - 1];
    }
}
