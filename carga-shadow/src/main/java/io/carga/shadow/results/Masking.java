package io.carga.shadow.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks what example diffs must not show, since shadow.json and report.html are passed around: values under a
 * secret-looking name (password, token, secret, authorization, api key, cookie…) in JSON bodies, headers and query
 * strings, and the JSON paths listed with {@code --mask}.
 */
public final class Masking {
    public static final String MASK = "***";
    private static final Pattern SECRET = Pattern.compile("(?i).*(pass(word)?|secret|token|authorization|api[-_]?key|cookie|credential|session|cpf|cnpj).*");
    private final List<String> paths;

    public Masking(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    public static boolean secretName(String name) {
        return SECRET.matcher(name).matches();
    }

    /** A masked copy of {@code node}. */
    public JsonNode json(JsonNode node) {
        JsonNode copy = node.deepCopy();
        walk(copy, "$");
        return copy;
    }

    private void walk(JsonNode n, String path) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "." + e.getKey();
                if (secretName(e.getKey()) || listed(child)) {
                    e.setValue(o.textNode(MASK));
                } else {
                    walk(e.getValue(), child);
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String child = path + "[" + i + "]";
                if (listed(child)) {
                    a.set(i, a.textNode(MASK));
                } else {
                    walk(a.get(i), child);
                }
            }
        }
    }

    private boolean listed(String path) {
        String general = path.replaceAll("\\[\\d+]", "[*]");
        return paths.contains(path) || paths.contains(general);
    }

    /** {@code value}, or the mask when the header's name looks secret. */
    public String header(String name, String value) {
        return secretName(name.toLowerCase(Locale.ROOT)) ? MASK : value;
    }

    /** The request target with the values of secret-looking query parameters masked. */
    public String target(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return target;
        }
        StringBuilder sb = new StringBuilder(target.substring(0, q + 1));
        String[] pairs = target.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            sb.append(i == 0 ? "" : "&").append(eq > 0 && secretName(pairs[i].substring(0, eq)) ? pairs[i].substring(0, eq + 1) + MASK : pairs[i]);
        }
        return sb.toString();
    }
}
