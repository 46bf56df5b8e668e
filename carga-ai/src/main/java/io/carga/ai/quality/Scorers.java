package io.carga.ai.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.ai.cost.AiConfigException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in {@link QualityScorer}s and their text form ({@code ai.quality} in a plan):
 * <pre>
 *   heuristic               the spec's default (section 6.1) for Portuguese marketing text
 *   regex:&lt;pattern&gt;         1 when the pattern is found, else 0
 *   json:&lt;field&gt;            1 when the content is JSON with that (dotted) field, else 0
 *   length:&lt;min&gt;[-&lt;max&gt;]    1 when the word count is within bounds, else 0
 * </pre>
 */
public final class Scorers {
    /** The spec's pass mark: {@code business_relevance_score >= 0.7}. */
    public static final double DEFAULT_THRESHOLD = 0.7;
    private static final List<String> PORTUGUESE = List.of("você", "nosso", "empresa");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scorers() {
    }

    /**
     * The spec's heuristic: 0.3 when a Portuguese marker word appears ({@code você}, {@code nosso},
     * {@code empresa}), 0.4 for at least 20 words, 0.3 when the text does not contain "error".
     */
    public static QualityScorer heuristic() {
        return (text, model) -> {
            String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
            double s = 0;
            for (String w : PORTUGUESE) {
                if (t.contains(w)) {
                    s += 0.3;
                    break;
                }
            }
            if (words(t) >= 20) {
                s += 0.4;
            }
            if (!t.contains("error")) {
                s += 0.3;
            }
            return Math.round(s * 10) / 10.0;
        };
    }

    public static QualityScorer regex(String pattern) {
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new AiConfigException("ai.quality regex does not compile: " + e.getDescription());
        }
        return (text, model) -> text != null && p.matcher(text).find() ? 1.0 : 0.0;
    }

    /** 1 when the content parses as JSON and {@code field} (dots for nesting) is present and not null. */
    public static QualityScorer jsonField(String field) {
        if (field == null || field.isBlank()) {
            throw new AiConfigException("ai.quality json: needs a field name");
        }
        String[] path = field.split("\\.");
        return (text, model) -> {
            try {
                JsonNode n = JSON.readTree(text == null ? "" : text.strip());
                for (String p : path) {
                    n = n == null ? null : n.get(p);
                }
                return n != null && !n.isNull() ? 1.0 : 0.0;
            } catch (Exception notJson) {
                return 0.0;
            }
        };
    }

    /** 1 when the word count is in [{@code minWords}, {@code maxWords}]. */
    public static QualityScorer length(int minWords, int maxWords) {
        if (minWords < 0 || maxWords < minWords) {
            throw new AiConfigException("ai.quality length: bounds must satisfy 0 <= min <= max, were " + minWords + "-" + maxWords);
        }
        return (text, model) -> {
            int w = words(text);
            return w >= minWords && w <= maxWords ? 1.0 : 0.0;
        };
    }

    /** Parses the text form above. */
    public static QualityScorer parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.equals("heuristic") || s.isEmpty()) {
            return heuristic();
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? "" : s.substring(colon + 1);
        return switch (kind) {
            case "regex" -> regex(arg);
            case "json" -> jsonField(arg);
            case "length" -> {
                String[] b = arg.split("-", 2);
                try {
                    int min = Integer.parseInt(b[0].strip());
                    yield length(min, b.length > 1 ? Integer.parseInt(b[1].strip()) : Integer.MAX_VALUE);
                } catch (NumberFormatException e) {
                    throw new AiConfigException("ai.quality length: expected length:<min>[-<max>], was '" + s + "'");
                }
            }
            default -> throw new AiConfigException("ai.quality: unknown scorer '" + kind + "'; use heuristic, regex:, json: or length:");
        };
    }

    static int words(String text) {
        if (text == null) {
            return 0;
        }
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
