package io.carga.platform.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * Typed, validated access to a JSON request body. Every failure names the field, so a client learns what
 * to fix from one 400 and a bad request never reaches the database or becomes a 500.
 */
public record Body(JsonNode node) {

    public String requiredText(String field, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiError.missing(field);
        }
        if (!v.isTextual()) {
            throw ApiError.invalid(field, "'" + field + "' must be a string");
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            throw ApiError.invalid(field, "'" + field + "' must not be blank");
        }
        if (s.length() > maxLength) {
            throw ApiError.invalid(field, "'" + field + "' must be at most " + maxLength + " characters");
        }
        return s;
    }

    public String optionalText(String field, int maxLength, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : requiredText(field, maxLength);
    }

    /** One of {@code allowed} (compared case-insensitively, answered as given in the list). */
    public String oneOf(String field, List<String> allowed, String fallback) {
        String v = fallback == null ? requiredText(field, 100) : optionalText(field, 100, fallback);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw ApiError.invalid(field, "'" + field + "' must be one of " + allowed + ", got '" + v + "'");
    }

    public Integer optionalInt(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw ApiError.invalid(field, "'" + field + "' must be an integer between " + min + " and " + max);
        }
        return v.asInt();
    }

    public boolean optionalBoolean(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiError.invalid(field, "'" + field + "' must be true or false");
        }
        return v.asBoolean();
    }

    /** An id in the spec's form ({@code biz_123}), a bare number string, or a JSON number. */
    public long id(String field, java.util.function.Function<String, java.util.OptionalLong> parser, String example) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiError.missing(field);
        }
        String raw = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.asText() : "";
        return parser.apply(raw.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiError.invalid(field, "'" + field + "' must look like '" + example + "'"));
    }
}
