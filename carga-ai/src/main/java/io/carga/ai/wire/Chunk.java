package io.carga.ai.wire;

/**
 * What one streamed event said.
 *
 * @param text             the content it adds (may be empty: a role chunk, a usage chunk)
 * @param usage            token counts when the event carried them, else null
 * @param cumulativeOutput true when {@code usage.output()} counts every output token so far (Gemini), so the
 *                         difference between two chunks is this chunk's exact token count
 * @param done             true for the event that marks a complete answer ({@code [DONE]}, a finish reason,
 *                         the platform's {@code done})
 */
public record Chunk(String text, Usage usage, boolean cumulativeOutput, boolean done) {
    public static final Chunk DONE = new Chunk("", null, false, true);
}
