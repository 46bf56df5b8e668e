package io.carga.platform.llm;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated LLM provider: plans an answer ({@link #plan}), admits it against quotas and injected
 * faults, then plays it out in real time ({@link #play}), sleeping on the caller's virtual thread.
 *
 * <p>Determinism: the text depends only on the seed and the request (see {@link ContentGenerator}).
 * Timing is drawn from a random stream seeded by the seed and the call's sequence number, so a run's
 * sequence of timings repeats for a given seed while each call still gets its own draw.
 */
public final class LlmSimulator {

    /** Receives streamed chunks as they become due, and writes them out before returning. */
    @FunctionalInterface
    public interface ChunkSink {
        void chunk(int index, String text) throws Exception;
    }

    private final long seed;
    private final double timeScale;
    private final FaultController faults;
    private final QuotaLimiter quotas;
    private final LlmObserver observer;
    private final ContentGenerator generator;
    private final AtomicLong sequence = new AtomicLong();

    /** @param timeScale multiplies every planned delay: 1 is real time, 0 answers at once (for tests) */
    public LlmSimulator(long seed, double timeScale, FaultController faults, QuotaLimiter quotas, LlmObserver observer) {
        this.seed = seed;
        this.timeScale = timeScale;
        this.faults = faults;
        this.quotas = quotas;
        this.observer = observer;
        this.generator = new ContentGenerator(seed);
    }

    public ContentGenerator generator() {
        return generator;
    }

    /** Cuts {@code text} into chunks, truncates at {@code maxTokens} and schedules each chunk. */
    public Completion plan(ModelProfile model, String prompt, String text, Integer maxTokens) {
        long n = sequence.incrementAndGet();
        SplittableRandom r = new SplittableRandom(seed ^ (n * 0xBF58476D1CE4E5B9L));
        FaultSettings f = faults.get();
        List<String> pieces = Tokenizer.pieces(text);
        String finish = "stop";
        if (maxTokens != null && pieces.size() > maxTokens) {
            pieces = pieces.subList(0, maxTokens);
            finish = "length";
        }
        List<String> chunks = new ArrayList<>();
        List<Integer> chunkTokens = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i += model.tokensPerChunk()) {
            List<String> part = pieces.subList(i, Math.min(pieces.size(), i + model.tokensPerChunk()));
            chunks.add(String.join("", part));
            chunkTokens.add(part.size());
        }
        long[] due = new long[chunks.size()];
        double t = model.ttftMedianMs() * Math.exp(model.ttftSigma() * r.nextGaussian()) + f.extraLatencyMs();
        for (int i = 0; i < due.length; i++) {
            if (i > 0) {
                double perToken = 1000.0 / model.tokensPerSecond() * (0.8 + 0.4 * r.nextDouble());
                t += chunkTokens.get(i) * perToken * f.slowStreamFactor();
            }
            due[i] = Math.round(t * timeScale * 1000);
        }
        String id = HexFormat.of().toHexDigits(r.nextLong()) + HexFormat.of().toHexDigits(n);
        return new Completion(id, model, String.join("", pieces), List.copyOf(chunks), List.copyOf(chunkTokens),
                Tokenizer.count(prompt), pieces.size(), finish, due);
    }

    /**
     * Admits the call: quota first (a refused call costs nothing), then the injected failure roll.
     * An injected failure answers after a short wait, as an overloaded provider does.
     */
    public void admit(Completion c, Waits waits) throws LlmException, InterruptedException {
        QuotaLimiter.Admission a = quotas.acquire(c.model().name(), c.totalTokens());
        if (!a.admitted()) {
            observer.call(c.model().name(), "rate_limited", 0, 0, c.promptTokens(), 0, 0);
            throw new LlmException(LlmException.Kind.RATE_LIMITED,
                    "Quota exceeded for " + c.model().name() + ": " + a.limit(), a.retryAfterSeconds());
        }
        double rate = faults.get().errorRateFor(c.model().name());
        if (rate > 0 && new SplittableRandom(seed ^ c.id().hashCode()).nextDouble() < rate) {
            long start = System.nanoTime();
            waits.sleepUntil(start + Math.min(c.ttftMicros(), 200_000) * 1_000);
            observer.call(c.model().name(), "provider_error", 0, System.nanoTime() - start, c.promptTokens(), 0, 0);
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "The model is overloaded. Please try again later.", 1);
        }
    }

    /**
     * Emits every chunk at its planned time after {@code startNanos}, shifted by any stall that happens
     * meanwhile. Returns the actual offsets (microseconds after start) at which chunks were emitted: taken
     * once the sink has written and flushed the chunk, so they are as close to the wire as the server gets.
     */
    public long[] play(Completion c, long startNanos, Waits waits, ChunkSink sink) throws Exception {
        long[] actual = new long[c.chunks().size()];
        long shift = 0;
        boolean done = false;
        try {
            for (int i = 0; i < actual.length; i++) {
                shift += waitUntil(startNanos + c.chunkDueMicros()[i] * 1_000 + shift, waits);
                if (sink != null) {
                    sink.chunk(i, c.chunks().get(i));
                }
                actual[i] = (System.nanoTime() - startNanos) / 1_000;
            }
            done = true;
        } finally {
            long ttft = actual.length > 0 ? actual[0] * 1_000 : 0;
            observer.call(c.model().name(), done ? "ok" : "cancelled", ttft, System.nanoTime() - startNanos,
                    c.promptTokens(), c.completionTokens(), done ? c.cost() : 0);
        }
        return actual;
    }

    /** Sleeps until the deadline, sitting out stalls; returns how long stalls added (ns). */
    private long waitUntil(long deadline, Waits waits) throws InterruptedException {
        long stalled = 0;
        while (true) {
            long now = System.nanoTime();
            long stallEnd = faults.stallEndAt(now);
            if (stallEnd > 0) {
                waits.sleepUntil(stallEnd);
                stalled += System.nanoTime() - now;
                deadline += System.nanoTime() - now;
                continue;
            }
            if (now >= deadline) {
                return stalled;
            }
            waits.sleepUntil(Math.min(deadline, faults.nextStallStart(now)));
        }
    }
}
