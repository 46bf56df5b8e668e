package io.carga.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.platform.auth.Principal;
import io.carga.platform.llm.Waits;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request as the platform's handlers see it: bounded body reading, JSON parsing with field-naming
 * errors, the caller's {@link Principal}, the request's {@link Waits} and response helpers.
 */
public final class Exchange {
    private final ServerRequest req;
    private final ServerResponse res;
    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final Waits waits = new Waits();
    private final long startNanos = System.nanoTime();
    private java.util.function.UnaryOperator<JsonNode> answers = java.util.function.UnaryOperator.identity();
    private Principal principal;

    Exchange(ServerRequest req, ServerResponse res, ObjectMapper json, long maxBodyBytes) {
        this.req = req;
        this.res = res;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public ServerRequest request() {
        return req;
    }

    public ServerResponse response() {
        return res;
    }

    public Waits waits() {
        return waits;
    }

    public long startNanos() {
        return startNanos;
    }

    public ObjectMapper mapper() {
        return json;
    }

    void principal(Principal p) {
        this.principal = p;
    }

    /** The authenticated caller; only valid on routes registered as authenticated. */
    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("route is not authenticated");
        }
        return principal;
    }

    public Optional<String> header(String name) {
        return req.headers().first(HeaderNames.create(name));
    }

    public Optional<String> query(String name) {
        return req.query().first(name).asOptional();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The JSON object body. 415 for a non-JSON content type, 413 beyond the limit, 400 if malformed. */
    public Body json() {
        String ct = contentType();
        if (!ct.isEmpty() && !ct.toLowerCase().startsWith("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "Content-Type", "expected application/json, got '" + ct + "'");
        }
        byte[] bytes = bytes(maxBodyBytes);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed_json", "body", "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "invalid_body", "body", "request body must be a JSON object");
        }
        return new Body(node);
    }

    /** The raw body, refusing (413) anything over {@code limit} bytes, declared or actual. */
    public byte[] bytes(long limit) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (data.length > limit) {
                throw tooLarge(limit);
            }
            return data;
        } catch (IOException e) {
            throw new ApiError(400, "unreadable_body", "body", "could not read request body: " + e.getMessage());
        }
    }

    private static ApiError tooLarge(long limit) {
        return new ApiError(413, "payload_too_large", "body", "request body exceeds " + limit + " bytes");
    }

    /** What every JSON answer goes through before it is sent (a shadow candidate's planted change). */
    void answers(java.util.function.UnaryOperator<JsonNode> rewrite) {
        this.answers = rewrite;
    }

    public void send(int status, JsonNode body) {
        body = answers.apply(body);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            res.send(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void header(String name, String value) {
        res.header(name, value);
    }
}
