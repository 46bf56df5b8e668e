package io.carga.core.event;

/**
 * How one request ended. Protocols classify their own failures into these kinds so that every report,
 * threshold and alert speaks the same vocabulary ({@code errors_by_kind} in summary.json).
 */
public enum Outcome {
    /** Completed and judged good (2xx/3xx for HTTP, no error for SQL). */
    OK("ok"),
    /** The server answered with a client error (HTTP 4xx). */
    CLIENT_ERROR("4xx"),
    /** The server answered with a server error (HTTP 5xx, SQL error). */
    SERVER_ERROR("5xx"),
    /** Connecting took longer than the connect timeout. */
    CONNECT_TIMEOUT("connect_timeout"),
    /** The response did not arrive within the response timeout. */
    READ_TIMEOUT("read_timeout"),
    /** Nobody listened: the connection was refused. */
    REFUSED("refused"),
    /** The peer reset or closed the connection mid-request. */
    RESET("reset"),
    /** The TLS handshake failed. */
    TLS("tls"),
    /** The response arrived but a check on it failed. */
    CHECK_FAILED("check_failed"),
    /** The run stopped while the request was in flight and the grace period ran out. */
    INTERRUPTED("interrupted"),
    /** Anything else (a protocol error, an unexpected exception). */
    OTHER("other");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    /** The stable name used in files and on the console. */
    public String key() {
        return key;
    }

    public boolean isError() {
        return this != OK;
    }

    public static Outcome fromKey(String key) {
        for (Outcome o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome: " + key);
    }
}
