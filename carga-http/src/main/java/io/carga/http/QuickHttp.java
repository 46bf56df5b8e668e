package io.carga.http;

import io.carga.core.api.Tasks;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.event.Tags;
import io.carga.http.client.BodySink;
import io.carga.http.client.HttpRequest;
import io.carga.http.client.Method;
import io.carga.http.client.RequestBody;
import java.util.List;
import java.util.Locale;

/**
 * The quick mode's scenario ({@code carga run --url URL}): one user kind whose single task sends one prepared
 * request, reads the body without keeping it, and reports the event. With {@code --connections N} each of the N
 * users owns one keep-alive connection, as wrk's connections do.
 *
 * <pre>{@code
 * Scenario s = QuickHttp.scenario("http://127.0.0.1:8080/ping", "POST",
 *         List.of("Content-Type: application/json"), "{\"a\":1}");
 * }</pre>
 */
public final class QuickHttp {

    private QuickHttp() {
    }

    /**
     * The scenario for one URL.
     *
     * @param method  GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS (any case); null means GET
     * @param headers {@code "Name: value"} lines
     * @param body    the body text or null; sent as {@code application/json} when it starts with { or [ and no
     *                Content-Type header is given, else as {@code text/plain}
     * @throws IllegalArgumentException with one line to show the user, for a bad URL, method or header
     */
    public static Scenario scenario(String url, String method, List<String> headers, String body) {
        HttpRequest request = request(url, method, headers, body);
        String name = request.method() + " " + (request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty()
                ? "/" : request.uri().getRawPath());
        return new Scenario("quick", List.of(new UserSpec("quick", 1, () -> new QuickUser(request, name))));
    }

    /** The request the quick mode sends, validated. */
    public static HttpRequest request(String url, String method, List<String> headers, String body) {
        Method m;
        try {
            m = Method.valueOf((method == null ? "GET" : method).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown HTTP method '" + method + "'");
        }
        HttpRequest.Builder b = HttpRequest.builder(m, url);
        boolean contentType = false;
        for (String h : headers == null ? List.<String>of() : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("malformed header '" + h + "': expected 'Name: value'");
            }
            String n = h.substring(0, colon).trim();
            b.header(n, h.substring(colon + 1).trim());
            contentType |= n.equalsIgnoreCase("Content-Type");
        }
        if (body != null) {
            String t = body.stripLeading();
            String type = contentType ? null : t.startsWith("{") || t.startsWith("[") ? "application/json" : "text/plain; charset=utf-8";
            b.body(new RequestBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), type));
        }
        return b.build();
    }

    static final class QuickUser extends HttpUser {
        private final HttpRequest request;
        private final String name;

        QuickUser(HttpRequest request, String name) {
            this.request = request;
            this.name = name;
        }

        @Override
        protected Tasks tasks() {
            return Tasks.builder().add(name, 1, this::hit).build();
        }

        private void hit() {
            http().execute(request, name, Tags.EMPTY, List.of(), false, BodySink.DISCARD, null);
        }
    }
}
