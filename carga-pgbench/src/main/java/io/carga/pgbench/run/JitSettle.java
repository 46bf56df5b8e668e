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
    /** No compilation finished for this long: the queue is drained. */
    static final long QUIET_MILLIS = 200;
    /** Never wait longer than this. */
    static final long MAX_MILLIS = 5_000;

    private JitSettle() {
    }

    /** Returns the milliseconds waited; 0 when the JVM does not report compilation time. */
    static long await() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        return await(jit::getTotalCompilationTime, QUIET_MILLIS, MAX_MILLIS);
    }

    /** {@code compiledMillis}: the JIT's total compilation time so far, which grows as compilations finish. */
    static long await(LongSupplier compiledMillis, long quietMillis, long maxMillis) {
        long start = System.nanoTime();
        long last = compiledMillis.getAsLong();
        long quietSince = start;
        while (true) {
            long now = System.nanoTime();
            if (now - quietSince >= quietMillis * 1_000_000 || now - start >= maxMillis * 1_000_000) {
                return (now - start) / 1_000_000;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return (System.nanoTime() - start) / 1_000_000;
            }
            long total = compiledMillis.getAsLong();
            if (total != last) {
                last = total;
                quietSince = System.nanoTime();
            }
        }
    }
}
