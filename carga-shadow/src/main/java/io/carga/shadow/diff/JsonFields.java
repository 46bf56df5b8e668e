package io.carga.shadow.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON document as its leaves: {@code $.business.plan -> "pro"}, {@code $.items[2].id -> 7}. Empty objects and
 * arrays are leaves too, so that {@code []} against {@code [1]} is a difference.
 */
final class JsonFields {
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private JsonFields() {
    }

    static Map<String, String> of(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(root, "$", out);
        return out;
    }

    /**
     * The path a difference is reported, learned as noise and ignored under: array indexes become {@code [*]},
     * so a timestamp in every item of a list is one field.
     */
    static String general(String path) {
        return INDEX.matcher(path).replaceAll("[*]");
    }

    private static void walk(JsonNode n, String path, Map<String, String> out) {
        if (n.isObject() && !n.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path + member(e.getKey()), out);
            }
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, n.toString());
        }
    }

    /** {@code .name}, or {@code ['odd name']} when the name is not a plain identifier. */
    private static String member(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }
}
