package io.carga.platform.llm;

import java.util.List;

/**
 * One planned model answer: the text, how it is cut into streamed chunks, and when each chunk is due.
 * Planned up front so the simulator can report its own schedule (headers, final SSE comment) and carga's
 * measured time-to-first-token and inter-token latency can be checked against it.
 *
 * @param id               provider-style response id
 * @param model            model profile
 * @param text             full answer (the concatenation of {@code chunks})
 * @param chunks           streamed pieces, each one or more whole tokens
 * @param chunkTokens      tokens in each chunk
 * @param promptTokens     input tokens
 * @param completionTokens output tokens (sum of {@code chunkTokens})
 * @param finishReason     {@code stop} or {@code length} (max tokens reached)
 * @param chunkDueMicros   planned emission time of each chunk, microseconds after the call started; [0] is the
 *                         TTFT (microseconds, so a client's 1 ms accuracy can be checked against it)
 */
public record Completion(String id, ModelProfile model, String text, List<String> chunks, List<Integer> chunkTokens,
                         int promptTokens, int completionTokens, String finishReason, long[] chunkDueMicros) {

    public long ttftMicros() {
        return chunkDueMicros.length == 0 ? 0 : chunkDueMicros[0];
    }

    public long totalMicros() {
        return chunkDueMicros.length == 0 ? 0 : chunkDueMicros[chunkDueMicros.length - 1];
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    public double cost() {
        return totalTokens() * model.costPerToken();
    }

    /** The planned schedule as a header value: comma separated ms offsets of each chunk, 3 decimals. */
    public String scheduleHeader() {
        return msList(chunkDueMicros, ",");
    }

    /** Microseconds as milliseconds with exactly 3 decimals ({@code 341237} → {@code 341.237}). */
    public static String ms(long micros) {
        StringBuilder sb = new StringBuilder();
        appendMs(sb, micros);
        return sb.toString();
    }

    /** Microsecond values as milliseconds with 3 decimals, joined by {@code sep}. */
    public static String msList(long[] micros, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < micros.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            appendMs(sb, micros[i]);
        }
        return sb.toString();
    }

    private static void appendMs(StringBuilder sb, long micros) {
        if (micros < 0) {
            sb.append('-');
            micros = -micros;
        }
        long frac = micros % 1000;
        sb.append(micros / 1000).append('.').append(frac < 100 ? frac < 10 ? "00" : "0" : "").append(frac);
    }
}
