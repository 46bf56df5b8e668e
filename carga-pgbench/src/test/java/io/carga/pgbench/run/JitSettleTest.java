package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitSettleTest {

    @Test
    void returnsOnceNoCompilationFinishedForTheQuietTime() {
        AtomicLong compiled = new AtomicLong();
        long started = System.nanoTime();
        // a compilation finishes on each of the first 10 reads (~200 ms at 20 ms per poll), then none
        long waited = JitSettle.await(() -> compiled.get() < 10 ? compiled.incrementAndGet() : compiled.get(), 100, 5_000);
        assertThat(waited).isBetween(250L, 2_000L);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250L);
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        AtomicLong compiled = new AtomicLong();
        long waited = JitSettle.await(compiled::incrementAndGet, 100, 300);
        assertThat(waited).isBetween(300L, 2_000L);
    }

    @Test
    void anIdleJitEndsTheWaitAfterTheQuietTime() {
        long waited = JitSettle.await(() -> 42, 100, 5_000);
        assertThat(waited).isBetween(100L, 1_000L);
    }
}
