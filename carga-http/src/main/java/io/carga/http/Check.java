package io.carga.http;

/**
 * A verdict on a response: null when it passes, else the reason it failed (one short line, it becomes the
 * request's error in the statistics). Runs on the user's thread after the response arrived; must not block.
 * Ready-made checks are in {@link Checks}.
 *
 * <pre>{@code
 * Check relevant = r -> r.json("$.business_relevance_score").asDouble() >= 0.7 ? null : "relevance below 0.7";
 * }</pre>
 */
@FunctionalInterface
public interface Check {
    String verify(Response response);
}
