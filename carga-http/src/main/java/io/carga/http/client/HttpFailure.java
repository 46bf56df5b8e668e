package io.carga.http.client;

import java.io.IOException;

/**
 * A request that ended without a complete response. Carries its {@link FailureKind} and how long it took
 * until it failed. No stack trace of its own: an unreachable target can fail thousands of times a second.
 */
public final class HttpFailure extends IOException {

    private final FailureKind kind;
    private final long startNanos;
    private final long elapsedNanos;

    public HttpFailure(FailureKind kind, String message, Throwable cause, long startNanos, long elapsedNanos) {
        super(message, cause);
        this.kind = kind;
        this.startNanos = startNanos;
        this.elapsedNanos = elapsedNanos;
    }

    public FailureKind kind() {
        return kind;
    }

    public long startNanos() {
        return startNanos;
    }

    public long elapsedNanos() {
        return elapsedNanos;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
