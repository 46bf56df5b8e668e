package io.carga.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StripedRecorderTest {

    @Test
    void nothingRecordedDrainsEmpty() {
        assertThat(new StripedRecorder().drain().getTotalCount()).isZero();
    }

    @Test
    void valuesFromManyThreadsAreDrainedOnceEach() throws InterruptedException {
        StripedRecorder r = new StripedRecorder();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            long value = 100L * (t + 1);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 1_000; i++) {
                    r.recordValue(value);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        Histogram first = r.drain();
        assertThat(first.getTotalCount()).isEqualTo(6_000);
        assertThat(first.getMinValue()).isEqualTo(100);
        assertThat(first.getMaxValue()).isBetween(599L, 601L);
        assertThat(first.getCountAtValue(300)).isEqualTo(1_000);

        r.recordValue(7);
        Histogram second = r.drain();
        assertThat(second.getTotalCount()).as("only what came after the first drain").isEqualTo(1);
        assertThat(r.drain().getTotalCount()).isZero();
    }
}
