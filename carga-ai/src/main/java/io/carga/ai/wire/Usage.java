package io.carga.ai.wire;

/**
 * Token counts of one answer.
 *
 * @param input     prompt tokens
 * @param output    completion (candidate) tokens
 * @param estimated true when the provider did not report them and they were estimated from the text
 */
public record Usage(long input, long output, boolean estimated) {
    /** Characters per token of the estimate: the usual rule of thumb for Latin-script text. */
    public static final double CHARS_PER_TOKEN = 4.0;

    public long total() {
        return input + output;
    }

    /** An estimate from the prompt and answer texts, flagged as such. */
    public static Usage estimate(String prompt, String answer) {
        return new Usage(estimateTokens(prompt), estimateTokens(answer), true);
    }

    /** About one token per {@value #CHARS_PER_TOKEN} characters, at least one for non-empty text. */
    public static long estimateTokens(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return Math.max(1, Math.round(text.length() / CHARS_PER_TOKEN));
    }
}
