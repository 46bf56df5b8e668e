package io.carga.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.event.Outcome;
import io.carga.http.client.Headers;
import io.carga.http.client.HttpFailure;
import io.carga.http.client.HttpResponse;
import io.carga.http.client.SseEvent;
import io.carga.http.client.Timings;
import java.net.URI;
import java.util.List;

/**
 * What a scenario gets back from {@link HttpCall#send()}: the response (or why there was none), the verdict
 * of the checks, and the timings. Reading it never throws, except {@link #json()} on a body that is not JSON.
 *
 * <pre>{@code
 * Response r = http.post("/auth/login").json(credentials).send();
 * if (r.ok()) http.bearer(r.json("$.token").asText());
 * }</pre>
 */
public final class Response {

    private final String name;
    private final URI uri;
    private final HttpResponse raw;
    private final HttpFailure failure;
    private final List<SseEvent> events;
    private Outcome outcome = Outcome.OK;
    private String error;
    private JsonNode json;
    private String jsonError;

    Response(String name, URI uri, HttpResponse raw, HttpFailure failure, List<SseEvent> events) {
        this.name = name;
        this.uri = uri;
        this.raw = raw;
        this.failure = failure;
        this.events = events == null ? List.of() : events;
    }

    void judge(Outcome o, String reason) {
        this.outcome = o;
        this.error = reason;
    }

    /** The statistics name of the request. */
    public String name() {
        return name;
    }

    /** The URL that answered (after redirects), or the one asked when there was no answer. */
    public URI uri() {
        return raw != null ? raw.uri() : uri;
    }

    /** True when a response came and every check passed. */
    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Why the request failed (a failed check, a status, a connection error), or null when it did not. */
    public String error() {
        return error;
    }

    /** True when some HTTP response arrived, whatever its status and checks. */
    public boolean hasResponse() {
        return raw != null;
    }

    /** The connection-level failure, or null when a response arrived. */
    public HttpFailure failure() {
        return failure;
    }

    /** The status code, or 0 when no response arrived. */
    public int status() {
        return raw == null ? 0 : raw.status();
    }

    public Headers headers() {
        return raw == null ? Headers.EMPTY : raw.headers();
    }

    public String header(String name) {
        return raw == null ? null : raw.header(name);
    }

    /** The body (gzip inflated); empty when there was no response or it was streamed. */
    public byte[] bytes() {
        return raw == null ? new byte[0] : raw.body();
    }

    public String text() {
        return raw == null ? "" : raw.text();
    }

    /** Body size in bytes; for a streamed response, the bytes received. */
    public long size() {
        if (raw == null) {
            return 0;
        }
        return raw.body().length > 0 || events.isEmpty() ? raw.body().length : raw.timings().bytesReceived();
    }

    /**
     * The body as a JSON tree.
     *
     * @throws IllegalStateException when the body is not JSON, naming the request and the parser's reason
     */
    public JsonNode json() {
        JsonNode n = jsonForCheck();
        if (n == null) {
            throw new IllegalStateException(name + ": " + jsonError);
        }
        return n;
    }

    /** The node at a JSON path (see {@link JsonPath}); a missing node when absent. */
    public JsonNode json(String path) {
        return JsonPath.compile(path).find(json());
    }

    /** The body mapped onto a type with Jackson. */
    public <T> T as(Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(json(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + ": body does not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parsed once; null (and {@link #jsonError()} set) when the body is not JSON. */
    JsonNode jsonForCheck() {
        if (json == null && jsonReadable()) {
            try {
                json = Json.MAPPER.readTree(raw.body());
            } catch (java.io.IOException e) {
                notJson(e);
            }
        }
        return json;
    }

    /**
     * The node at {@code path} for a check: from the tree when the scenario already parsed one, else read
     * straight from the body, building only that node (the rest is scanned, so malformed JSON anywhere still
     * fails). Null (and {@link #jsonError()} set) when the body is not JSON.
     */
    JsonNode jsonForCheck(JsonPath path) {
        if (json != null) {
            return path.find(json);
        }
        if (!jsonReadable()) {
            return null;
        }
        try {
            return path.find(raw.body());
        } catch (java.io.IOException e) {
            notJson(e);
            return null;
        }
    }

    private boolean jsonReadable() {
        if (jsonError == null) {
            if (raw == null) {
                jsonError = "no response to read JSON from";
            } else if (raw.body().length == 0) {
                jsonError = "response is not JSON: the body is empty";
            }
        }
        return jsonError == null;
    }

    private void notJson(java.io.IOException e) {
        String ct = raw.header("Content-Type");
        String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        jsonError = "response is not JSON" + (ct == null ? "" : " (Content-Type " + ct + ")") + ": "
                + Checks.abbreviate(why.replace('\n', ' '));
    }

    String jsonError() {
        return jsonError;
    }

    /** Server-Sent Events received, when the call was {@link HttpCall#sse()}. */
    public List<SseEvent> events() {
        return events;
    }

    /** Where the time went; for a failure, only the total is known. */
    public Timings timings() {
        if (raw != null) {
            return raw.timings();
        }
        return new Timings(failure.startNanos(), 0, 0, 0, 0, failure.elapsedNanos(), false, 0, 0, 0);
    }

    /** Total time in milliseconds, as a double. */
    public double millis() {
        return timings().totalNanos() / 1e6;
    }

    @Override
    public String toString() {
        return name + " -> " + (raw == null ? failure.kind() : raw.status()) + (ok() ? "" : " (" + error + ")");
    }
}
