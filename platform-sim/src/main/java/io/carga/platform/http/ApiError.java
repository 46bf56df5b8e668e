package io.carga.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client-visible failure: status, a stable machine code, the offending field (when there is one) and a
 * human message. Thrown anywhere in a handler; the router turns it into the JSON error body
 * {@code {"error":{"code":"invalid_field","field":"model","message":"..."}}}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiError(int status, String code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiError invalid(String field, String message) {
        return new ApiError(400, "invalid_field", field, message);
    }

    public static ApiError missing(String field) {
        return new ApiError(400, "missing_field", field, "'" + field + "' is required");
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", null, message).header("WWW-Authenticate", "Bearer");
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", null, message);
    }

    public static ApiError notFound(String field, String message) {
        return new ApiError(404, "not_found", field, message);
    }

    public ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
