package io.carga.ai;

import io.carga.ai.wire.Usage;
import io.carga.core.event.Outcome;
import io.carga.http.client.Headers;

/**
 * One AI answer as measured. Times are nanoseconds; TTFT and end-to-end count from the intended start (so
 * a rate-limiter delay is included), -1 when not applicable.
 *
 * @param model          the model asked for
 * @param outcome        how the request ended
 * @param error          the failure reason, or null
 * @param status         HTTP status, 0 without a response
 * @param headers        response headers (empty without a response)
 * @param text           the answer's content
 * @param usage          token counts (flagged when estimated), null when the request failed early
 * @param costBrl        cost in R$ (NaN when the model has no price)
 * @param quality        quality score, NaN when not scored
 * @param intendedNanos  intended start (nanoTime)
 * @param sendNanos      actual send (nanoTime), after any rate-limit wait
 * @param endNanos       last byte (nanoTime)
 * @param ttftNanos      time to first content token (streams), -1 otherwise
 * @param tpotNanos      time per output token after the first chunk (streams), -1 otherwise
 * @param timings        per-chunk arrivals and tokens (streams), null otherwise
 * @param simTrailer     the reference target's {@code x-sim} JSON trailer, or null
 */
public record AiResponse(String model, Outcome outcome, String error, int status, Headers headers, String text,
                         Usage usage, double costBrl, double quality, long intendedNanos, long sendNanos, long endNanos,
                         long ttftNanos, long tpotNanos, StreamTimings timings, String simTrailer) {

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** End-to-end latency from the intended start. */
    public long latencyNanos() {
        return endNanos - intendedNanos;
    }

    /** Output tokens per second from send to last byte, 0 when unknown. */
    public double outputTokensPerSecond() {
        long d = endNanos - sendNanos;
        return usage == null || d <= 0 ? 0 : usage.output() * 1e9 / d;
    }

    /** A response header, or null. */
    public String header(String name) {
        return headers.first(name);
    }
}
