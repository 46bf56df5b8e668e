package io.carga.shadow.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.shadow.proxy.Answer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two answers to one request and names what differs, each as a field:
 * <ul>
 * <li>{@code status};</li>
 * <li>{@code header:content-type}, for each compared header ({@link HeaderRules});</li>
 * <li>{@code $.business.plan}, for each JSON leaf (Jackson, array indexes written {@code [*]}), when both bodies
 *     are JSON;</li>
 * <li>{@code body}, byte for byte, for any other body.</li>
 * </ul>
 * Whether a field is noise is not decided here: the endpoint's statistics learn that from the secondary.
 * Thread-safe.
 */
public final class Differ {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HeaderRules headers;

    public Differ(HeaderRules headers) {
        this.headers = headers;
    }

    /** The fields in which {@code a} and {@code b} differ, sorted; empty when they agree. */
    public Set<String> fields(Answer a, Answer b) {
        Set<String> out = new TreeSet<>();
        if (a.status() != b.status()) {
            out.add("status");
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(a.headers().keySet());
        names.addAll(b.headers().keySet());
        for (String n : names) {
            if (headers.compared(n) && !same(a.headers().get(n), b.headers().get(n))) {
                out.add("header:" + n.toLowerCase(Locale.ROOT));
            }
        }
        JsonNode ja = json(a);
        JsonNode jb = ja == null ? null : json(b);
        if (ja != null && jb != null) {
            Map<String, String> fa = JsonFields.of(ja);
            Map<String, String> fb = JsonFields.of(jb);
            Set<String> paths = new TreeSet<>(fa.keySet());
            paths.addAll(fb.keySet());
            for (String p : paths) {
                if (!java.util.Objects.equals(fa.get(p), fb.get(p))) {
                    out.add(JsonFields.general(p));
                }
            }
        } else if (!Arrays.equals(a.body(), b.body())) {
            out.add("body");
        }
        return out;
    }

    private static boolean same(List<String> a, List<String> b) {
        return a != null && a.equals(b);
    }

    /** The body as JSON when it says or looks so and parses; else null. */
    static JsonNode json(Answer a) {
        byte[] body = a.body();
        String type = a.header("Content-Type");
        boolean says = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        boolean looks = body.length > 0 && (first(body) == '{' || first(body) == '[');
        if (a.truncated() || !(says || looks)) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static int first(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }
}
