package io.carga.ai;

import io.carga.ai.wire.StreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The timing of one streamed answer, from its content chunks' arrival times.
 *
 * <ul>
 *   <li><b>TTFT</b>: from the request's intended start to the first chunk with non-empty content;</li>
 *   <li><b>ITL</b>: the gap before each later content chunk divided by the tokens it carries, counted once per
 *       token, so a chunk of 4 tokens weighs 4 times a chunk of 1;</li>
 *   <li><b>TPOT</b>: from the first to the last content chunk, over the tokens after the first chunk.</li>
 * </ul>
 * Tokens per chunk are exact when the provider reports cumulative counts (Gemini); otherwise the total output
 * tokens are spread over the chunks: one each, the rest in proportion to their characters.
 *
 * @param firstContentNanos nanoTime of the first content chunk, 0 when none arrived
 * @param lastContentNanos  nanoTime of the last content chunk
 * @param chunkNanos        arrival of every content chunk
 * @param chunkTokens       tokens of every content chunk
 */
public record StreamTimings(long firstContentNanos, long lastContentNanos, long[] chunkNanos, long[] chunkTokens) {

    /** Builds the timings of {@code reader}'s events, given the answer's output token count. */
    public static StreamTimings of(StreamReader reader, long outputTokens) {
        List<StreamReader.Event> content = new ArrayList<>();
        List<Long> exact = new ArrayList<>();
        long previousCumulative = 0;
        boolean cumulative = reader.cumulativeUsage();
        for (StreamReader.Event e : reader.events()) {
            long cum = e.usage() != null ? e.usage().output() : previousCumulative;
            if (!e.text().isEmpty()) {
                content.add(e);
                exact.add(cum - previousCumulative);
            }
            previousCumulative = cum;
        }
        int n = content.size();
        long[] nanos = new long[n];
        long[] tokens = new long[n];
        long[] chars = new long[n];
        for (int i = 0; i < n; i++) {
            nanos[i] = content.get(i).arrivalNanos();
            chars[i] = content.get(i).text().length();
            tokens[i] = exact.get(i);
        }
        if (!cumulative) {
            spread(tokens, chars, outputTokens);
        }
        return new StreamTimings(n == 0 ? 0 : nanos[0], n == 0 ? 0 : nanos[n - 1], nanos, tokens);
    }

    /** One token per chunk, the rest by characters (largest remainder), so the sum is {@code total}. */
    static void spread(long[] tokens, long[] chars, long total) {
        int n = tokens.length;
        if (n == 0) {
            return;
        }
        long base = total >= n ? 1 : 0;
        long rest = total - base * n;
        long allChars = 0;
        for (long c : chars) {
            allChars += c;
        }
        double[] frac = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double share = allChars == 0 ? (double) rest / n : (double) rest * chars[i] / allChars;
            tokens[i] = base + (long) Math.floor(share);
            frac[i] = share - Math.floor(share);
            given += tokens[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (frac[i] > frac[best]) {
                    best = i;
                }
            }
            tokens[best]++;
            frac[best] = -1;
            given++;
        }
    }

    public boolean hasContent() {
        return chunkNanos.length > 0;
    }

    /** Time to first token from {@code fromNanos} (the intended start), or -1 without content. */
    public long ttftNanos(long fromNanos) {
        return hasContent() ? firstContentNanos - fromNanos : -1;
    }

    /**
     * The inter-token latencies: for each chunk after the first, {@code {nanosPerToken, tokens}}. A chunk
     * that carries no token passes its gap on to the next one.
     */
    public List<long[]> interTokenLatencies() {
        List<long[]> out = new ArrayList<>();
        long carried = 0;
        for (int i = 1; i < chunkNanos.length; i++) {
            long gap = chunkNanos[i] - chunkNanos[i - 1] + carried;
            if (chunkTokens[i] <= 0) {
                carried = gap;
                continue;
            }
            carried = 0;
            out.add(new long[] {gap / chunkTokens[i], chunkTokens[i]});
        }
        return out;
    }

    /** Time per output token after the first chunk, or -1 when there is a single chunk. */
    public long tpotNanos() {
        long after = 0;
        for (int i = 1; i < chunkTokens.length; i++) {
            after += chunkTokens[i];
        }
        return after <= 0 ? -1 : (lastContentNanos - firstContentNanos) / after;
    }
}
