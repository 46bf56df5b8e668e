package io.carga.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;

/**
 * A plan's {@code shadow:} block, judged at the end of {@code carga shadow --plan FILE}, per endpoint:
 * <pre>
 * shadow:
 *   max_diff_rate: 0.1%     # compared requests whose answers differ in a field that is not noise
 *   max_p99_delta: 5%       # candidate p99 over primary p99, minus one; or a time: 20ms
 * </pre>
 * A breach exits 1, as a failed threshold does.
 *
 * @param maxDiffRate   a fraction (0.001 for 0.1 %), or null
 * @param maxP99Delta   a fraction of the primary's p99, or null
 * @param maxP99DeltaMs a time in ms, or null
 */
public record ShadowLimits(Double maxDiffRate, Double maxP99Delta, Double maxP99DeltaMs) {
    public static final ShadowLimits NONE = new ShadowLimits(null, null, null);

    public boolean any() {
        return maxDiffRate != null || maxP99Delta != null || maxP99DeltaMs != null;
    }

    /** Reads {@code node} (the plan's {@code /shadow}); each bad value is one problem at its pointer. */
    static ShadowLimits read(JsonNode node, BiConsumer<String, String> problem) {
        if (node.isMissingNode()) {
            return NONE;
        }
        Double rate = null;
        Double ratio = null;
        Double ms = null;
        if (node.has("max_diff_rate")) {
            rate = fraction(node.get("max_diff_rate").asText());
            if (rate == null) {
                problem.accept("/shadow/max_diff_rate", "max_diff_rate is a percentage (0.1%) or a fraction (0.001), got '" + node.get("max_diff_rate").asText() + "'");
            }
        }
        if (node.has("max_p99_delta")) {
            String t = node.get("max_p99_delta").asText().strip();
            ms = millis(t);
            ratio = ms == null ? fraction(t) : null;
            if (ms == null && ratio == null) {
                problem.accept("/shadow/max_p99_delta", "max_p99_delta is a percentage of the primary's p99 (5%) or a time (20ms), got '" + t + "'");
            }
        }
        return new ShadowLimits(rate, ratio, ms);
    }

    /** {@code 0.1%} is 0.001; a bare number is a fraction already. Null when neither. */
    public static Double fraction(String text) {
        String t = text.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double millis(String t) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)").matcher(t);
        return m.matches() ? Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1) : null;
    }
}
