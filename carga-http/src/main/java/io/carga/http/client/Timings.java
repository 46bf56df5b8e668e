package io.carga.http.client;

/**
 * Where the time of one request went, in nanoseconds. {@code startNanos} is a {@link System#nanoTime()} value;
 * the rest are durations.
 *
 * <ul>
 *   <li>{@code waitNanos}: waiting for a connection of a shared pool (0 with per-user connections);</li>
 *   <li>{@code connectNanos}: TCP connect plus TLS handshake; 0 when a kept-alive connection was reused;</li>
 *   <li>{@code ttfbNanos}: from the first byte written to the first response byte read;</li>
 *   <li>{@code transferNanos}: from the first to the last response byte;</li>
 *   <li>{@code totalNanos}: from {@code startNanos} to the last byte, over every redirect followed.</li>
 * </ul>
 * After redirects, connect, TTFB and transfer describe the last exchange.
 */
public record Timings(long startNanos, long waitNanos, long connectNanos, long ttfbNanos, long transferNanos,
                      long totalNanos, boolean reused, long bytesSent, long bytesReceived, int redirects) {

    /** The {@link System#nanoTime()} at which the last byte arrived. */
    public long endNanos() {
        return startNanos + totalNanos;
    }
}
