package io.carga.http;

import io.carga.core.event.Tags;
import io.carga.http.client.BodySink;
import io.carga.http.client.Headers;
import io.carga.http.client.HttpRequest;
import io.carga.http.client.Method;
import io.carga.http.client.Multipart;
import io.carga.http.client.RequestBody;
import io.carga.http.client.SseDecoder;
import io.carga.http.client.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request being written in a scenario, sent by {@link #send()}. Every setter validates its argument and
 * throws {@link IllegalArgumentException} on the scenario line that passed a bad one (a malformed header, a
 * JSON path that does not parse). The statistics name defaults to method and path ({@code POST /api/v1/x});
 * give dynamic URLs one name with {@link #name(String)}.
 *
 * <pre>{@code
 * Response r = http.post("/api/v1/departments/marketing/generate")
 *         .json(Map.of("business_type", "padaria", "model", "gemini-2.5-flash"))
 *         .check(Checks.status(200), Checks.jsonPath("$.content"))
 *         .send();
 *
 * http.post("/api/v1/upload/logo").file("file", "test_logo.png", "image/png", png).send();
 * http.get("/api/v1/ai/stream").sse(e -> { tokens.add(e.arrivalNanos()); return true; });
 * }</pre>
 */
public final class HttpCall {

    private final HttpSession session;
    private final Method method;
    private final String path;
    private final HttpSession.Resolved target;
    private String name;
    private Headers.Builder headers;
    private List<Object[]> query;
    private RequestBody body = RequestBody.EMPTY;
    private Multipart.Builder multipart;
    private Duration timeout;
    private Boolean followRedirects;
    private List<Check> checks = List.of();
    private boolean throwOnFailure;
    private Tags tags = Tags.EMPTY;

    HttpCall(HttpSession session, Method method, String path, HttpSession.Resolved target) {
        this.session = session;
        this.method = method;
        this.path = path;
        this.target = target;
    }

    /** The statistics name, e.g. {@code /api/v1/users/{id}}. */
    public HttpCall name(String statisticsName) {
        this.name = statisticsName;
        return this;
    }

    public HttpCall header(String headerName, String value) {
        if (headers == null) {
            headers = Headers.builder();
        }
        headers.set(headerName, value);
        return this;
    }

    /** Appends a query parameter (URL-encoded). */
    public HttpCall query(String param, Object value) {
        if (param == null || param.isEmpty()) {
            throw new IllegalArgumentException("query parameter name is empty");
        }
        if (query == null) {
            query = new ArrayList<>(4);
        }
        query.add(new Object[] {param, value});
        return this;
    }

    /** A JSON body written by Jackson from a map, a record, a list or a {@code JsonNode}. */
    public HttpCall json(Object value) {
        return body(RequestBody.bytes(Json.write(value, session.jsonWriter), "application/json"));
    }

    /** A JSON body already serialized. */
    public HttpCall jsonText(String json) {
        return body(RequestBody.json(json));
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public HttpCall form(Map<String, ?> fields) {
        return body(RequestBody.form(fields));
    }

    public HttpCall body(byte[] bytes, String contentType) {
        return body(RequestBody.bytes(bytes, contentType));
    }

    public HttpCall text(String text, String mediaType) {
        return body(RequestBody.text(text, mediaType));
    }

    public HttpCall body(RequestBody b) {
        this.body = b;
        this.multipart = null;
        return this;
    }

    /** Adds a file part to a multipart/form-data body. */
    public HttpCall file(String field, String filename, String contentType, byte[] content) {
        multipart().file(field, filename, contentType, content);
        return this;
    }

    /** Adds a text part to a multipart/form-data body. */
    public HttpCall field(String field, String value) {
        multipart().field(field, value);
        return this;
    }

    private Multipart.Builder multipart() {
        if (multipart == null) {
            multipart = Multipart.builder();
        }
        return multipart;
    }

    /** The response timeout of this call (the run's {@code http.response-timeout} otherwise). */
    public HttpCall timeout(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + d);
        }
        this.timeout = d;
        return this;
    }

    public HttpCall followRedirects(boolean follow) {
        this.followRedirects = follow;
        return this;
    }

    /** A tag on this request's statistics (a series per tag set). */
    public HttpCall tag(String key, String value) {
        this.tags = tags.with(key, value);
        return this;
    }

    /** Checks judged in order after the response arrives; the first failure is the request's error. */
    public HttpCall check(Check... more) {
        for (Check c : more) {
            if (c == null) {
                throw new IllegalArgumentException("check is null");
            }
        }
        if (checks.isEmpty()) {
            this.checks = List.of(more);   // the usual single call: no list to grow
            return this;
        }
        List<Check> all = new ArrayList<>(checks);
        all.addAll(List.of(more));
        this.checks = all;
        return this;
    }

    /** After reporting, throw {@link HttpCallFailed} when the request failed instead of returning. */
    public HttpCall throwOnFailure() {
        this.throwOnFailure = true;
        return this;
    }

    /** Sends, buffers the whole body, judges the checks and reports one event. */
    public Response send() {
        return session.execute(build(), statName(), tags, checks, throwOnFailure, null, null);
    }

    /** Sends and collects the Server-Sent Events; each carries its exact arrival time. */
    public Response sse() {
        List<SseEvent> events = new ArrayList<>();
        return sse(e -> {
            events.add(e);
            return true;
        }, events);
    }

    /**
     * Sends and hands each Server-Sent Event to {@code listener} as it arrives (return false to stop the
     * stream). Checks on the body see an empty body; status and header checks work as usual.
     */
    public Response sse(SseDecoder.Listener listener) {
        return sse(listener, null);
    }

    private Response sse(SseDecoder.Listener listener, List<SseEvent> collected) {
        if (headers == null || !headersContain("Accept")) {
            header("Accept", "text/event-stream");
        }
        return session.execute(build(), statName(), tags, checks, throwOnFailure, new SseDecoder(listener), collected);
    }

    /** Sends and hands the raw body bytes (chunk framing removed) to {@code sink} as they arrive. */
    public Response stream(BodySink sink) {
        return session.execute(build(), statName(), tags, checks, throwOnFailure, sink, null);
    }

    private boolean headersContain(String h) {
        return headers.build().contains(h);
    }

    private String statName() {
        return name != null ? name : target.name(method);
    }

    private HttpRequest build() {
        HttpRequest.Builder b = HttpRequest.builder(method, target.uri, target.origin);
        if (query != null) {
            for (Object[] q : query) {
                b.query((String) q[0], q[1]);
            }
        }
        b.headers(session.headersFor(headers == null ? Headers.EMPTY : headers.build()));
        b.body(multipart != null ? multipart.build() : body);
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (followRedirects != null) {
            b.followRedirects(followRedirects);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
