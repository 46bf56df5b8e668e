// How exactly carga times AI streams: STREAMS virtual users stream answers back to back from the reference
// target's simulated providers (the spec's 80/15/5 model mix, 100 output tokens each), and every answer's
// TTFT and chunk-to-chunk gaps, as carga measured them, are compared with the offsets the simulator reports
// in its `: x-sim {...}` trailer (when it flushed each chunk, microsecond decimals).
// Goals (issue 5): |carga - simulator| within 1 ms at p99 for TTFT and ITL; no stream lost; generator CPU.
//   TTFT      : carga's first-content-chunk timestamp vs the moment the target emitted that chunk, on the clock
//               both share (see delivery below). That is carga's whole TTFT error: both carga's TTFT and the
//               true one start at carga's own start stamp. "reported" and "from send" instead compare carga's
//               TTFT with the simulator's own TTFT, which starts at the target's request arrival, so they also
//               count the target's time to take the request in (its "request delivery", a real part of the
//               TTFT a user sees); they are shown, not judged.
//   ITL (gap) : each gap between two content chunks vs the simulator's gap between the same two chunks (the
//               strict figure; carga's ITL metric divides a gap by the chunk's tokens, so its error is smaller).
//   lost      : streams started in the measured run that did not end OK with every chunk and the trailer.
//   delivery  : the trailer's start_ns is the target's System.nanoTime() at the request's arrival, and on Linux
//               both JVMs read the same monotonic clock, so a TTFT difference splits into "request delivery"
//               (target arrival - carga's send) and "chunk delivery" (carga's timestamp - the target's flush).
// The first WARMUP seconds of the run are not measured (JIT on both sides, connection set-up).
// Usage: java -cp CLASSPATH bench/ai/StreamAccuracy.java BASE_URL STREAMS SECONDS WARMUP_SECONDS

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.ai.AiClient;
import io.carga.ai.AiResponse;
import io.carga.core.api.Task;
import io.carga.core.api.User;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.engine.Engine;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.RunResult;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

public class StreamAccuracy {
    /**
     * What the report needs of one answer. Keeping whole AiResponses (events, text, raw bytes) made every
     * young GC copy ~10 KB per answer of the last seconds: pauses of 15-30 ms that held back every chunk in
     * flight and showed up as carga's timing error.
     */
    record Seen(boolean ok, String error, String simTrailer, String model, long[] chunkNanos, long[] chunkTokens,
                long ttftNanos, long sendNanos) {
        static Seen of(AiResponse r) {
            boolean timed = r.timings() != null;
            return new Seen(r.ok(), r.error(), r.simTrailer(), r.model(), timed ? r.timings().chunkNanos() : null,
                    timed ? r.timings().chunkTokens() : null, r.ttftNanos(), r.sendNanos());
        }
    }

    static final ConcurrentLinkedQueue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    static final AtomicLong STARTED = new AtomicLong();
    static final AtomicLong THROWN = new AtomicLong();
    static volatile boolean measuring;
    static final String[] PROMPTS = {"Crie um post para Instagram de uma padaria",
            "Gere ideias de promoção para restaurante", "Escreva uma resposta para reclamação de cliente"};

    public static class Streamer extends User {
        AiClient ai;

        @Override
        public void onStart() {
            ai = AiClient.of(this);
        }

        @Task
        void stream() {
            boolean counted = measuring;
            if (counted) {
                STARTED.incrementAndGet();
            }
            try {
                AiResponse r = ai.rotating().prompt(PROMPTS[random().nextInt(PROMPTS.length)]).maxTokens(100).stream();
                if (counted) {
                    SEEN.add(Seen.of(r));
                }
            } catch (RuntimeException | Error e) {
                THROWN.incrementAndGet();
                throw e;
            }
        }

        @Override
        public void onStop() {
            ai.close();
        }
    }

    /** Absolute differences in ns, per model and overall. */
    static final class Diffs {
        final Map<String, Histogram> byModel = new TreeMap<>();
        final Histogram all = new Histogram(3_600_000_000_000L, 3);

        void add(String model, long nanos) {
            long v = Math.min(Math.abs(nanos), all.getHighestTrackableValue());
            all.recordValue(v);
            byModel.computeIfAbsent(model, m -> new Histogram(3_600_000_000_000L, 3)).recordValue(v);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int streams = Integer.parseInt(args[1]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // One run: the warm-up is its first part, so measured streams go over warm keep-alive connections and
        // the burst of STREAMS simultaneous connects at the start (the target's accept queue) stays out.
        long[] start = new long[2];
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(warmup);
            } catch (InterruptedException e) {
                return;
            }
            start[0] = os.getProcessCpuTime();
            start[1] = System.nanoTime();
            measuring = true;
        });
        RunResult r = run(base, streams, warmup.plus(measured));
        double wall = (System.nanoTime() - start[1]) / 1e9;
        double cpu = (os.getProcessCpuTime() - start[0]) / 1e9;
        report(r, wall, cpu);
        System.exit(0);
    }

    static RunResult run(String base, int streams, Duration d) throws Exception {
        Scenario s = new Scenario("ai-streams", List.of(UserSpec.of(Streamer.class)));
        // The grace period outlasts the longest stream (gpt-4-turbo: ~0.8 s TTFT + 100 tokens at 35/s), so
        // the end of the run cuts no stream and every cut stream would count as lost.
        RunConfig config = RunConfig.of(s, ClosedModel.of(streams, 0, d)).withTarget(base).withSeed(5)
                .withGracefulStop(Duration.ofSeconds(30));
        return new Engine(config, new MetricsHub(), List.of(), "ai-bench").run();
    }

    static void report(RunResult r, double wall, double cpu) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Diffs ttftEmitted = new Diffs();
        Diffs ttft = new Diffs();
        Diffs ttftSend = new Diffs();
        Diffs gap = new Diffs();
        Diffs itl = new Diffs();
        Diffs late = new Diffs();
        Diffs requestDelivery = new Diffs();
        Diffs chunkDelivery = new Diffs();
        long negative = 0;
        java.io.PrintWriter dump = System.getenv("DUMP") == null ? null : new java.io.PrintWriter(System.getenv("DUMP"));
        long ok = 0;
        long chunks = 0;
        Map<String, Long> lostWhy = new TreeMap<>();
        for (Seen a : SEEN) {
            String why = null;
            if (!a.ok()) {
                why = "failed: " + a.error();
            } else if (a.simTrailer() == null) {
                why = "no x-sim trailer";
            }
            JsonNode sim = why == null ? json.readTree(a.simTrailer()) : null;
            long[] at = why == null ? a.chunkNanos() : null;
            if (why == null && at.length != sim.path("actual_ms").size()) {
                why = "chunk count " + at.length + " vs the simulator's " + sim.path("actual_ms").size();
            }
            if (why != null) {
                lostWhy.merge(why.length() > 80 ? why.substring(0, 80) : why, 1L, Long::sum);
                continue;
            }
            ok++;
            chunks += at.length;
            String m = a.model();
            long[] simNs = nanos(sim.path("actual_ms"));
            long[] planned = nanos(sim.path("planned_ms"));
            long[] tokens = a.chunkTokens();
            ttft.add(m, a.ttftNanos() - simNs[0]);
            ttftSend.add(m, at[0] - a.sendNanos() - simNs[0]);
            long start = sim.path("start_ns").asLong();
            ttftEmitted.add(m, at[0] - (start + simNs[0]));
            negative += start < a.sendNanos() ? 1 : 0;
            requestDelivery.add(m, start - a.sendNanos());
            for (int i = 0; i < at.length; i++) {
                late.add(m, simNs[i] - planned[i]);
                negative += at[i] < start + simNs[i] ? 1 : 0;
                chunkDelivery.add(m, at[i] - (start + simNs[i]));
                if (dump != null) {
                    dump.println(at[i] + "," + (at[i] - (start + simNs[i])) + "," + m + "," + i);
                }
                if (i > 0) {
                    long diff = (at[i] - at[i - 1]) - (simNs[i] - simNs[i - 1]);
                    gap.add(m, diff);
                    itl.add(m, tokens[i] > 0 ? diff / tokens[i] : diff);
                }
            }
        }
        if (dump != null) {
            dump.close();
        }
        long started = STARTED.get();
        long lost = started - ok;
        System.out.printf("streams started=%d ok=%d lost=%d%s exceptions=%d chunks=%d (%.0f/s) measured %.1f s%n", started, ok,
                lost, lostWhy.isEmpty() ? "" : " " + lostWhy, THROWN.get(), chunks, chunks / wall, wall);
        System.out.println("|carga - simulator|, ms        p50      p99    p99.9      max       n");
        line("TTFT", ttftEmitted);
        line("TTFT (reported)", ttft);
        line("TTFT (from send)", ttftSend);
        line("request delivery", requestDelivery);
        line("chunk delivery", chunkDelivery);
        line("ITL: chunk gap", gap);
        line("ITL: per token", itl);
        line("sim: late vs plan", late);
        // A negative delivery is the target stamping a chunk (after its flush) later than carga read it: the
        // target's thread was descheduled between the write and its clock read. Many of them, or large ones,
        // would mean the two clocks differ.
        System.out.printf("deliveries negative (the target stamped after carga read): %d of %d%n", negative,
                requestDelivery.all.getTotalCount() + chunkDelivery.all.getTotalCount());
        System.out.printf("carga CPU %.2f s over %.1f s = %.2f cores; %.1f us per chunk, %.0f us per stream%n", cpu, wall,
                cpu / wall, cpu * 1e6 / Math.max(1, chunks), cpu * 1e6 / Math.max(1, ok));
        double tp99 = ms(ttftEmitted.all.getValueAtPercentile(99));
        double gp99 = ms(gap.all.getValueAtPercentile(99));
        System.out.printf("goal: TTFT p99 %.3f ms %s, ITL (chunk gap) p99 %.3f ms %s, lost %d %s%n", tp99, tp99 <= 1 ? "ok" : "MISSED",
                gp99, gp99 <= 1 ? "ok" : "MISSED", lost, lost == 0 ? "ok" : "MISSED");
        System.out.printf("engine, warm-up included: %d AI requests recorded, %d errors%n", r.aggregate().total().count(),
                r.aggregate().total().errors());
    }

    static void line(String label, Diffs d) {
        System.out.printf("%-20s %9.3f %8.3f %8.3f %8.3f %7d%n", label, ms(d.all.getValueAtPercentile(50)),
                ms(d.all.getValueAtPercentile(99)), ms(d.all.getValueAtPercentile(99.9)), ms(d.all.getMaxValue()),
                d.all.getTotalCount());
        d.byModel.forEach((m, h) -> System.out.printf("  %-18s %9.3f %8.3f %8.3f %8.3f %7d%n", m, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount()));
    }

    static long[] nanos(JsonNode msArray) {
        long[] out = new long[msArray.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(msArray.get(i).asDouble() * 1e6);
        }
        return out;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
