package io.carga.http.client;

/** The request methods carga sends. */
public enum Method {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS;

    /** Safe to send again after a stale keep-alive connection failed before any response byte arrived. */
    public boolean idempotent() {
        return this != POST && this != PATCH;
    }

    /** Methods whose requests carry a {@code Content-Length} even when the body is empty. */
    boolean expectsBody() {
        return this == POST || this == PUT || this == PATCH;
    }
}
