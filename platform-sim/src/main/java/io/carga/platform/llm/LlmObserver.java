package io.carga.platform.llm;

/**
 * Hears about every simulated LLM call, for the server's metrics. Called on the request's virtual thread;
 * implementations must be cheap and must not block.
 */
public interface LlmObserver {
    /** {@code outcome} is one of ok, rate_limited, provider_error, cancelled. Times are in nanoseconds. */
    void call(String model, String outcome, long ttftNanos, long durationNanos, int promptTokens,
              int completionTokens, double cost);

    LlmObserver NONE = (m, o, t, d, p, c, cost) -> { };
}
