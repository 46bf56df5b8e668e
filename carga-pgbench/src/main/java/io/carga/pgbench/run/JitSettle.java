package io.carga.pgbench.run;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Waits, after the warm-up and before the clock starts, until the JIT has compiled what the warm-up made hot.
 *
 * <p>While eight clients and the server keep two cores busy, the one C2 thread gets a tenth of a core, and
 * carga db's statement path was still compiled in profiling C1 code ten seconds into a run (-XX:+PrintCompilation).
 * With the clients idle, the JIT has the cores to itself and drains its queue in a fraction of a second.
 */
final class JitSettle {
    /** The JIT compiled for at most {@link #IDLE_MILLIS} in this long: the queue is drained. */
    static final long QUIET_MILLIS = 200;
    /**
     * What the JIT may still compile in a quiet span: a few small C1 compilations of code that runs now and then
     * (the rehearsal's interval drains) would otherwise keep it from ever being quiet.
     */
    static final long IDLE_MILLIS = 4;
    /** Never wait longer than this. */
    static final long MAX_MILLIS = 5_000;

    private JitSettle() {
    }

    /** Returns the milliseconds waited; 0 when the JVM does not report compilation time. */
    static long await() {
        return await(0, QUIET_MILLIS, MAX_MILLIS, () -> { });
    }

    /**
     * Waits at least {@code minMillis}, then until the JIT was about idle for {@code quietMillis}, at most
     * {@code maxMillis} in all, running {@code meanwhile} every poll (20 ms); returns the milliseconds waited.
     * When the JVM does not report compilation time, it waits {@code minMillis}.
     */
    static long await(long minMillis, long quietMillis, long maxMillis, Runnable meanwhile) {
        return compiledMillis() < 0 ? await(() -> 0, minMillis, minMillis, minMillis, meanwhile)
                : await(JitSettle::compiledMillis, minMillis, quietMillis, maxMillis, meanwhile);
    }

    /** The JIT compilers' total time so far in milliseconds (it grows as compilations finish), or -1: unknown. */
    static long compiledMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit == null || !jit.isCompilationTimeMonitoringSupported() ? -1 : jit.getTotalCompilationTime();
    }

    /** {@code compiledMillis}: the JIT's total compilation time so far, which grows as compilations finish. */
    static long await(LongSupplier compiledMillis, long minMillis, long quietMillis, long maxMillis, Runnable meanwhile) {
        long start = System.nanoTime();
        long mark = compiledMillis.getAsLong();
        long quietSince = start;
        while (true) {
            long now = System.nanoTime();
            boolean quiet = now - quietSince >= quietMillis * 1_000_000 && now - start >= minMillis * 1_000_000;
            if (quiet || now - start >= maxMillis * 1_000_000) {
                return (now - start) / 1_000_000;
            }
            meanwhile.run();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return (System.nanoTime() - start) / 1_000_000;
            }
            long total = compiledMillis.getAsLong();
            if (total - mark > IDLE_MILLIS) {
                mark = total;
                quietSince = System.nanoTime();
            }
        }
    }
}
