package io.carga.core.threshold;

import io.carga.core.metrics.SeriesKey;
import java.util.List;
import java.util.Map;

/**
 * Service tiers (the spec's {@code api_endpoints}, {@code gemini_flash_requests}…) mapped to request
 * series. A series belongs to a tier when its name matches one of the tier's name globs, or when it
 * carries all of the tier's tags. A tier the plan does not define matches series tagged
 * {@code tier=NAME}, so scenarios can simply tag their requests.
 */
public record Tiers(Map<String, Tier> tiers) {
    public static final Tiers NONE = new Tiers(Map.of());

    public Tiers {
        tiers = Map.copyOf(tiers);
    }

    /**
     * @param names request name globs ({@code POST /api/v1/upload/*})
     * @param tags  tags that all must match (values may be globs)
     */
    public record Tier(List<String> names, Map<String, String> tags) {
        public Tier {
            names = List.copyOf(names);
            tags = Map.copyOf(tags);
        }

        boolean matches(SeriesKey key) {
            for (String n : names) {
                if (glob(n, key.name())) {
                    return true;
                }
            }
            if (tags.isEmpty()) {
                return false;
            }
            for (var e : tags.entrySet()) {
                String v = key.tags().get(e.getKey());
                if (v == null || !glob(e.getValue(), v)) {
                    return false;
                }
            }
            return true;
        }
    }

    public boolean matches(String tier, SeriesKey key) {
        Tier t = tiers.get(tier);
        return t == null ? tier.equals(key.tags().get("tier")) : t.matches(key);
    }

    /** Glob match where {@code *} is any run of characters; everything else is literal. */
    static boolean glob(String pattern, String text) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(text);
        }
        String[] parts = pattern.split("\\*", -1);
        if (!text.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = text.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return text.length() - at >= last.length() && text.endsWith(last);
    }
}
