package io.carga.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The common checks. Each is created once per call site and validated there: a malformed JSON path throws
 * at the scenario line that wrote it. A check on a response that is not JSON fails with the parser's reason.
 *
 * <pre>{@code
 * http.post("/api/v1/ai/generate").json(body)
 *     .check(Checks.status(200), Checks.jsonPath("$.content"), Checks.maxTime(Duration.ofSeconds(5)))
 *     .send();
 * }</pre>
 */
public final class Checks {

    private Checks() {
    }

    /** The status is one of {@code codes}. Replaces the default rule (2xx and 3xx pass). */
    public static Check status(int... codes) {
        return new StatusCheck(codes.clone());
    }

    /** A status check; judged before every other check, and a 4xx/5xx it rejects counts as 4xx/5xx. */
    record StatusCheck(int[] codes) implements Check {
        @Override
        public String verify(Response r) {
            for (int c : codes) {
                if (c == r.status()) {
                    return null;
                }
            }
            return "status " + r.status() + ", expected " + (codes.length == 1 ? codes[0] : Arrays.toString(codes));
        }
    }

    /** The JSON body has a node at {@code path} (which may be JSON null). */
    public static Check jsonPath(String path) {
        return onNode(JsonPath.compile(path), got -> null);
    }

    /** The node at {@code path} equals {@code expected} (compared as text for scalars, as JSON for the rest). */
    public static Check jsonPath(String path, Object expected) {
        JsonPath p = JsonPath.compile(path);
        if (expected instanceof CharSequence || expected instanceof Number || expected instanceof Boolean) {
            String want = expected.toString();   // scalars: no tree to build for every call
            return onNode(p, got -> got.isValueNode() && got.asText().equals(want) ? null
                    : "JSON path " + p + " is " + abbreviate(got.toString()) + ", expected " + want);
        }
        JsonNode want = Json.MAPPER.valueToTree(expected);
        return onNode(p, got -> {
            boolean same = got.isValueNode() && want.isValueNode() ? got.asText().equals(want.asText()) : got.equals(want);
            return same ? null : "JSON path " + p + " is " + abbreviate(got.toString()) + ", expected " + want;
        });
    }

    /** The node at {@code path} exists and satisfies {@code test}; {@code description} names it in the reason. */
    public static Check jsonPath(String path, String description, Predicate<JsonNode> test) {
        JsonPath p = JsonPath.compile(path);
        Objects.requireNonNull(test, "test");
        return onNode(p, got -> test.test(got) ? null
                : "JSON path " + p + " = " + abbreviate(got.toString()) + " is not " + description);
    }

    private static Check onNode(JsonPath p, Function<JsonNode, String> verdict) {
        return r -> {
            JsonNode got = r.jsonForCheck(p);
            if (got == null) {
                return r.jsonError();
            }
            return got.isMissingNode() ? "JSON path " + p + " not found in the response" : verdict.apply(got);
        };
    }

    /** The body (as text) contains {@code text}. */
    public static Check bodyContains(String text) {
        Objects.requireNonNull(text, "text");
        return r -> r.text().contains(text) ? null : "body does not contain '" + abbreviate(text) + "'";
    }

    /** The header is present. */
    public static Check header(String name) {
        io.carga.http.client.Headers.of(name, "");
        return r -> r.header(name) != null ? null : "header " + name + " missing";
    }

    /** The header's first value equals {@code value}. */
    public static Check header(String name, String value) {
        io.carga.http.client.Headers.of(name, value);
        return r -> {
            String got = r.header(name);
            return value.equals(got) ? null : got == null ? "header " + name + " missing"
                    : "header " + name + " is '" + abbreviate(got) + "', expected '" + value + "'";
        };
    }

    /** At most {@code bytes} of body (after gzip inflation; for streams, the bytes received). */
    public static Check maxSize(long bytes) {
        return r -> r.size() <= bytes ? null : "body of " + r.size() + " bytes exceeds " + bytes;
    }

    /** The whole request took at most {@code limit}. */
    public static Check maxTime(Duration limit) {
        long nanos = limit.toNanos();
        return r -> r.timings().totalNanos() <= nanos ? null
                : "took " + r.timings().totalNanos() / 1_000_000 + " ms, limit " + limit.toMillis() + " ms";
    }

    /** Any condition on the response; {@code description} is the reason when it is false. */
    public static Check that(String description, Predicate<Response> test) {
        return r -> test.test(r) ? null : description;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
