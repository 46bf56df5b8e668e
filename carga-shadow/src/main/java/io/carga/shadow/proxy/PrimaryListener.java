package io.carga.shadow.proxy;

/**
 * Told of every client request once the primary's answer has been passed on: the shadow run records these as the
 * run's own requests, so its results folder is that of any run. Called on the client's path: must not block.
 */
@FunctionalInterface
public interface PrimaryListener {
    PrimaryListener NONE = (endpoint, start, end, status, bytesIn, bytesOut, error) -> { };

    /**
     * @param start, end {@link System#nanoTime()} when the request came in and when its answer was passed on
     * @param status     the primary's status, or 502 when it did not answer
     * @param error      why the primary did not answer, else null
     */
    void answered(String endpoint, long start, long end, int status, long bytesIn, long bytesOut, String error);
}
