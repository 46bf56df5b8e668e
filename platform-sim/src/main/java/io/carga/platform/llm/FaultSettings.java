package io.carga.platform.llm;

import java.util.Map;

/**
 * What the simulated LLM provider does wrong, on purpose. All zero means a healthy provider.
 *
 * @param errorRate          fraction [0,1] of LLM calls that fail with a provider 503 (before any token)
 * @param modelErrorRates    per-model override of {@code errorRate}, keyed by model name
 * @param extraLatencyMs     added to every call's time to first token
 * @param stallEveryMs       every this many ms of wall clock, the provider stalls (0 = never) ...
 * @param stallForMs         ... for this long: calls and streams in flight pause until the stall ends
 * @param slowStreamFactor   multiplies the time between tokens (1 = normal, 3 = three times slower)
 */
public record FaultSettings(double errorRate, Map<String, Double> modelErrorRates, long extraLatencyMs,
                            long stallEveryMs, long stallForMs, double slowStreamFactor) {
    public static final FaultSettings NONE = new FaultSettings(0, Map.of(), 0, 0, 0, 1.0);

    public FaultSettings {
        modelErrorRates = modelErrorRates == null ? Map.of() : Map.copyOf(modelErrorRates);
        check("errorRate", errorRate, 0, 1);
        modelErrorRates.forEach((m, r) -> check("modelErrorRates." + m, r, 0, 1));
        check("extraLatencyMs", extraLatencyMs, 0, 600_000);
        check("stallEveryMs", stallEveryMs, 0, 86_400_000);
        check("stallForMs", stallForMs, 0, 600_000);
        check("slowStreamFactor", slowStreamFactor, 0.01, 1000);
        if (stallEveryMs > 0 && stallForMs >= stallEveryMs) {
            throw new IllegalArgumentException("stallForMs must be shorter than stallEveryMs");
        }
    }

    private static void check(String field, double v, double min, double max) {
        if (Double.isNaN(v) || v < min || v > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", got " + v);
        }
    }

    /** The failure probability for one model. */
    public double errorRateFor(String model) {
        return modelErrorRates.getOrDefault(model, errorRate);
    }
}
