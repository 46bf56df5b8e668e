package io.carga.core.event;

import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable, sorted set of {@code key=value} pairs that scope a metric (model, tier, region…).
 * Sorted so that the same tags given in any order name the same series.
 */
public record Tags(Map<String, String> values) {
    public static final Tags EMPTY = new Tags(Map.of());

    public Tags {
        values = values.isEmpty() ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** {@code Tags.of("model", "gemini-2.5-flash", "tier", "ai")}. */
    public static Tags of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in key, value pairs");
        }
        if (keyValues.length == 0) {
            return EMPTY;
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Tags(m);
    }

    public Tags with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new Tags(m);
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code {model=x,tier=y}}, or the empty string. */
    @Override
    public String toString() {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append('=').append(v));
        return sb.append('}').toString();
    }

    /** Parses what {@link #toString()} wrote. */
    public static Tags parse(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException("tags must look like {k=v,...}: " + text);
        }
        Map<String, String> m = new TreeMap<>();
        for (String pair : text.substring(1, text.length() - 1).split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("tag without '=': " + pair);
            }
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new Tags(m);
    }
}
