package io.carga.shadow.proxy;

import java.util.List;
import java.util.Map;

/**
 * One side's answer to a request, as the diff sees it.
 *
 * @param body      the body, at most {@link #MAX_BODY} bytes of it
 * @param truncated whether the body was longer than that (then only its first bytes are compared)
 * @param nanos     from sending the request to the last byte of the answer
 */
public record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean truncated, long nanos) {
    /** Bodies are kept for comparison up to this size; a longer one is compared on its first bytes. */
    public static final int MAX_BODY = 1 << 20;

    public Answer {
        headers = Message.headers(headers);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return Message.first(headers, name);
    }

    public double millis() {
        return nanos / 1e6;
    }
}
