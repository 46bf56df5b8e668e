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
 * @param chunkDueMs       planned emission time of each chunk, ms after the call started; [0] is the TTFT
 */
public record Completion(String id, ModelProfile model, String text, List<String> chunks, List<Integer> chunkTokens,
                         int promptTokens, int completionTokens, String finishReason, long[] chunkDueMs) {

    public long ttftMs() {
        return chunkDueMs.length == 0 ? 0 : chunkDueMs[0];
    }

    public long totalMs() {
        return chunkDueMs.length == 0 ? 0 : chunkDueMs[chunkDueMs.length - 1];
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    public double cost() {
        return totalTokens() * model.costPerToken();
    }

    /** The planned schedule as a header value: comma separated ms offsets of each chunk. */
    public String scheduleHeader() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chunkDueMs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(chunkDueMs[i]);
        }
        return sb.toString();
    }
}
