package io.carga.http;

/**
 * Thrown by {@link HttpCall#send()} after {@link HttpCall#throwOnFailure()} when the request failed; it was
 * reported to the statistics first. The engine counts it as a task error and the user goes on with its next
 * task (or ends, when thrown from {@code onStart}).
 */
public final class HttpCallFailed extends RuntimeException {
    private final transient Response response;

    HttpCallFailed(Response r) {
        super(r.name() + " failed: " + r.error(), null, false, false);
        this.response = r;
    }

    public Response response() {
        return response;
    }
}
