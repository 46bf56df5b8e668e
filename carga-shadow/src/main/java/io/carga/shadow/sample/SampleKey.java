package io.carga.shadow.sample;

import io.carga.shadow.proxy.CapturedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What a consistent sample hashes: {@code header:X-Business-Id} or {@code query:business}. The same value is
 * always in the sample or always out of it, so a business's whole session reaches the candidate, or none of it.
 */
public record SampleKey(Source source, String name) {
    public enum Source { HEADER, QUERY }

    /** Parses {@code header:NAME} or {@code query:NAME}. */
    public static SampleKey parse(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon).strip();
        String name = colon < 0 ? "" : text.substring(colon + 1).strip();
        if (name.isEmpty() || !(kind.equals("header") || kind.equals("query"))) {
            throw new IllegalArgumentException("--key must be header:NAME or query:NAME, got '" + text + "'");
        }
        return new SampleKey(kind.equals("header") ? Source.HEADER : Source.QUERY, name);
    }

    /** The key's value in {@code r}, or null when the request has none. */
    public String valueIn(CapturedRequest r) {
        if (source == Source.HEADER) {
            return r.header(name);
        }
        for (String pair : r.query().split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return (source == Source.HEADER ? "header:" : "query:") + name;
    }
}
