package io.carga.http.client;

import java.io.IOException;

/**
 * Receives a response body as it arrives, on the thread that reads the socket (the virtual user's own).
 * Chunked framing is already removed. {@code arrivalNanos} is the {@link System#nanoTime()} taken right after
 * the socket read that delivered these bytes returned, so timestamps are exact however slowly the sink works.
 *
 * <p>The array is the connection's buffer: copy what you keep, the bytes are overwritten after the call.
 *
 * <pre>{@code
 * agent.send(request, (buf, off, len, t) -> { tokens.add(t); return true; });
 * }</pre>
 */
@FunctionalInterface
public interface BodySink {

    /** Takes everything and keeps nothing: the quick mode's sink. */
    BodySink DISCARD = (buf, off, len, arrivalNanos) -> true;

    /**
     * @return false to stop reading; the connection is then closed instead of kept alive
     */
    boolean onData(byte[] buf, int off, int len, long arrivalNanos) throws IOException;

    /** Called once after the last byte of a complete body (not after a failure or a stop). */
    default void onEnd(long endNanos) throws IOException {
    }
}
