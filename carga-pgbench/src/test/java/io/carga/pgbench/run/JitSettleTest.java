package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitSettleTest {

    @Test
    void returnsOnceNoCompilationFinishedForTheQuietTime() {
        AtomicLong compiled = new AtomicLong();
        long started = System.nanoTime();
        // 10 ms of compilation on each of the first 10 reads (~200 ms at 20 ms per poll), then none
        long waited = JitSettle.await(() -> compiled.get() < 100 ? compiled.addAndGet(10) : compiled.get(), 0, 100, 5_000, () -> { });
        assertThat(waited).isBetween(250L, 2_000L);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250L);
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        AtomicLong compiled = new AtomicLong();
        long waited = JitSettle.await(() -> compiled.addAndGet(10), 0, 100, 300, () -> { });
        assertThat(waited).isBetween(300L, 2_000L);
    }

    @Test
    void aFewMillisecondsOfCompilationStillCountAsIdle() {
        AtomicLong polls = new AtomicLong();
        // 1 ms of compilation every 8 polls (160 ms): the JIT is never done, but not busy either
        long waited = JitSettle.await(() -> polls.incrementAndGet() / 8, 0, 100, 5_000, () -> { });
        assertThat(waited).isBetween(100L, 1_000L);
    }

    @Test
    void waitsAtLeastTheMinimum() {
        long waited = JitSettle.await(() -> 42, 400, 100, 5_000, () -> { });
        assertThat(waited).isBetween(400L, 1_500L);
    }

    @Test
    void runsTheTaskEveryPoll() {
        AtomicLong polls = new AtomicLong();
        JitSettle.await(() -> 42, 0, 200, 5_000, polls::incrementAndGet);
        assertThat(polls.get()).isBetween(3L, 20L);
    }

    @Test
    void anIdleJitEndsTheWaitAfterTheQuietTime() {
        long waited = JitSettle.await(() -> 42, 0, 100, 5_000, () -> { });
        assertThat(waited).isBetween(100L, 1_000L);
    }
}
