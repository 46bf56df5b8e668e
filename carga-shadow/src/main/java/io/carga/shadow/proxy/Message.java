package io.carga.shadow.proxy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Header maps as the shadow proxy keeps them: names compared without case (HTTP's rule), values in the order
 * they came, the map itself unmodifiable.
 */
public final class Message {
    private Message() {
    }

    /** An unmodifiable, case-insensitive copy of {@code headers}. */
    public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                copy.merge(k, List.copyOf(v), (a, b) -> {
                    List<String> both = new java.util.ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                });
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Netty's headers as a map of this kind; only the end-to-end ones ({@link HopByHop}) when {@code endToEnd}. */
    static Map<String, List<String>> headers(io.netty.handler.codec.http.HttpHeaders h, boolean endToEnd) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : h) {
            if (!endToEnd || !HopByHop.is(e.getKey())) {
                out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>(1)).add(e.getValue());
            }
        }
        return headers(out);
    }

    /** The first value of {@code name}, or null. */
    public static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
