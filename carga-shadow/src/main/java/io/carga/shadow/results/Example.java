package io.carga.shadow.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.shadow.proxy.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * An example diff as shadow.json keeps it: the request and both answers, masked ({@link Masking}) and cut to
 * {@link #MAX_BODY_CHARS} characters a body, with the fields in which they differ.
 */
public record Example(Set<String> fields, ObjectNode json) {
    public static final int MAX_BODY_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Example of(Comparison c, Masking mask) {
        ObjectNode n = JSON.createObjectNode();
        n.put("endpoint", c.endpoint());
        n.put("method", c.request().method());
        n.put("target", mask.target(c.request().target()));
        n.set("fields", JSON.valueToTree(c.candidateFields()));
        n.set("primary", side(c.primary(), mask));
        n.set("candidate", side(c.candidate(), mask));
        return new Example(c.candidateFields(), n);
    }

    private static ObjectNode side(Answer a, Masking mask) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", a.status());
        n.put("ms", Math.round(a.millis() * 1000) / 1000.0);
        ObjectNode h = n.putObject("headers");
        a.headers().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), mask.header(k, String.join(", ", v))));
        String body;
        try {
            JsonNode parsed = a.truncated() ? null : JSON.readTree(a.body());
            body = parsed == null || parsed.isMissingNode() ? text(a.body()) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mask.json(parsed));
        } catch (java.io.IOException notJson) {
            body = text(a.body());
        }
        n.put("body", body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "…" : body);
        return n;
    }

    private static String text(byte[] body) {
        return new String(body, 0, Math.min(body.length, MAX_BODY_CHARS * 4), StandardCharsets.UTF_8);
    }
}
