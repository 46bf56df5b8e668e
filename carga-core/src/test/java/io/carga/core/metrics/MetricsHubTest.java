package io.carga.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MetricsHubTest {
    private static final long MS = 1_000_000L;
    private final MetricsHub hub = new MetricsHub();
    private long epoch = 1_700_000_000_000L;
    private long index;

    private IntervalSnapshot drain() {
        IntervalSnapshot s = hub.drain(index, epoch, epoch + 1000, index + 1.0, 3);
        index++;
        epoch += 1000;
        return s;
    }

    private static RequestEvent event(String name, Tags tags, long serviceMs, long queuedMs, Outcome outcome) {
        long start = 1_000 * MS;
        return new RequestEvent(name, "fake", tags, start - queuedMs * MS, start, start + serviceMs * MS, 10, 100,
                outcome, outcome.isError() ? "x" : null, Map.of());
    }

    @Test
    void recordsIntoOneSeriesPerNameAndTags() {
        hub.record(event("GET /a", Tags.EMPTY, 10, 0, Outcome.OK));
        hub.record(event("GET /a", Tags.EMPTY, 20, 0, Outcome.OK));
        hub.record(event("GET /a", Tags.EMPTY, 30, 0, Outcome.SERVER_ERROR));
        hub.record(event("GET /a", Tags.of("model", "x"), 40, 0, Outcome.OK));
        hub.record(event("POST /b", Tags.EMPTY, 50, 0, Outcome.READ_TIMEOUT));

        IntervalSnapshot s = drain();
        assertThat(s.requests()).extracting(r -> r.key().label()).containsExactly("GET /a", "GET /a{model=x}", "POST /b");
        SeriesInterval a = s.requests().get(0);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.errors()).isEqualTo(1);
        assertThat(a.count(Outcome.SERVER_ERROR)).isEqualTo(1);
        assertThat(a.latency().getTotalCount()).isEqualTo(3);
        assertThat(a.latency().getMaxValue()).as("HdrHistogram keeps 3 significant digits").isBetween(29_970L, 30_040L);
        assertThat(a.bytesIn()).isEqualTo(300);
        assertThat(a.bytesOut()).isEqualTo(30);
        assertThat(s.requests().get(1).count()).isEqualTo(1);
        assertThat(s.requests().get(2).count(Outcome.READ_TIMEOUT)).isEqualTo(1);
        assertThat(s.users()).isEqualTo(3);
    }

    @Test
    void aDeclaredSeriesShowsEmptyThenTakesItsEvents() {
        hub.declare("q");
        assertThat(drain().requests()).singleElement().satisfies(r -> {
            assertThat(r.key().label()).isEqualTo("q");
            assertThat(r.count()).isZero();
        });
        hub.record(event("q", Tags.EMPTY, 3, 0, Outcome.OK));
        hub.declare("q");
        assertThat(drain().requests()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(1));
    }

    @Test
    void tagsInAnyOrderNameTheSameSeries() {
        hub.record(event("q", Tags.of("a", "1", "b", "2"), 1, 0, Outcome.OK));
        hub.record(event("q", Tags.of("b", "2", "a", "1"), 1, 0, Outcome.OK));
        assertThat(drain().requests()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(2));
    }

    @Test
    void latencyIsFromTheIntendedStartAndServiceFromTheSend() {
        hub.record(event("q", Tags.EMPTY, 2, 5, Outcome.OK));
        SeriesInterval r = drain().requests().get(0);
        assertThat(r.latency().getValueAtPercentile(100)).isBetween(6_990L, 7_010L);
        assertThat(r.service().getValueAtPercentile(100)).isBetween(1_999L, 2_001L);
    }

    @Test
    void eventsWithAndWithoutQueueingMixInBothHistograms() {
        for (int i = 0; i < 10; i++) {
            hub.record(event("q", Tags.EMPTY, 5, 0, Outcome.OK));   // latency = service: recorded once
        }
        SeriesInterval first = drain().requests().get(0);
        assertThat(first.latency().getTotalCount()).isEqualTo(10);
        assertThat(first.service().getTotalCount()).isEqualTo(10);
        assertThat(first.service()).as("one histogram for both: outputs never change a snapshot's").isSameAs(first.latency());

        for (int i = 0; i < 3; i++) {
            hub.record(event("q", Tags.EMPTY, 5, 0, Outcome.OK));
        }
        hub.record(event("q", Tags.EMPTY, 2, 8, Outcome.OK));
        hub.record(event("q", Tags.EMPTY, 2, 8, Outcome.OK));
        SeriesInterval second = drain().requests().get(0);
        assertThat(second.latency().getTotalCount()).isEqualTo(5);
        assertThat(second.service().getTotalCount()).isEqualTo(5);
        assertThat(second.latency().getMaxValue()).isBetween(9_990L, 10_010L);
        assertThat(second.latency().getMinValue()).isBetween(4_990L, 5_010L);
        assertThat(second.service().getMaxValue()).isBetween(4_990L, 5_010L);
        assertThat(second.service().getMinValue()).isBetween(1_990L, 2_010L);

        hub.record(event("q", Tags.EMPTY, 5, 0, Outcome.OK));
        SeriesInterval third = drain().requests().get(0);
        assertThat(third.latency().getTotalCount()).isEqualTo(1);
        assertThat(third.service().getTotalCount()).isEqualTo(1);
    }

    @Test
    void drainResetsEverything() {
        hub.record(event("q", Tags.EMPTY, 2, 0, Outcome.OK));
        hub.recordDropped();
        hub.recordDropped();
        hub.recordLag(5 * MS);
        hub.metrics().counter("orders").add(3);
        hub.metrics().gauge("queue").set(7);
        hub.metrics().timing("render").recordNanos(12 * MS);
        IntervalSnapshot first = drain();
        assertThat(first.dropped()).isEqualTo(2);
        assertThat(first.generator().lag().getTotalCount()).isEqualTo(1);
        assertThat(first.custom().counters()).containsEntry(SeriesKey.of("orders"), 3.0);
        assertThat(first.custom().gauges()).containsEntry(SeriesKey.of("queue"), 7.0);
        assertThat(first.custom().timings().get(SeriesKey.of("render")).getTotalCount()).isEqualTo(1);

        IntervalSnapshot second = drain();
        assertThat(second.requests()).as("a series that ever saw traffic stays listed").singleElement()
                .satisfies(r -> {
                    assertThat(r.count()).isZero();
                    assertThat(r.latency().getTotalCount()).isZero();
                    assertThat(r.bytesIn()).isZero();
                });
        assertThat(second.dropped()).isZero();
        assertThat(second.generator().lag().getTotalCount()).isZero();
        assertThat(second.custom().counters()).containsEntry(SeriesKey.of("orders"), 0.0);
        assertThat(second.custom().gauges()).as("a gauge keeps its last value").containsEntry(SeriesKey.of("queue"), 7.0);
        assertThat(second.custom().timings().get(SeriesKey.of("render")).getTotalCount()).isZero();
        assertThat(first.requests().get(0).count()).as("a drained snapshot is not changed by later ones").isEqualTo(1);
    }

    @Test
    void extraFieldsAreSummed() {
        RequestEvent e = new RequestEvent("chat", "ai", Tags.EMPTY, 0, 10, 20, 0, 0, Outcome.OK, null,
                Map.of("tokens_out", 120.0, "cost_usd", 0.002));
        hub.record(e);
        hub.record(e);
        assertThat(drain().requests().get(0).fieldSums()).containsEntry("tokens_out", 240.0).containsEntry("cost_usd", 0.004);
    }

    @Test
    void timesBeyondTheRangeAreClampedNotLost() {
        hub.record(event("q", Tags.EMPTY, 2 * 3600 * 1000, 0, Outcome.OK));
        hub.record(new RequestEvent("q", "fake", Tags.EMPTY, 5, 5, 5, 0, 0, Outcome.OK, null, Map.of()));
        SeriesInterval r = drain().requests().get(0);
        assertThat(r.latency().getTotalCount()).isEqualTo(2);
        assertThat(r.latency().getMaxValue()).isGreaterThanOrEqualTo(Histograms.MAX_MICROS - Histograms.MAX_MICROS / 1000);
    }

    @Test
    @Timeout(20)
    void concurrentWritersLoseNothingWhileTheTickerDrains() throws Exception {
        int threads = 4;
        int each = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "s" + (t % 2);
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    hub.record(RequestEvent.of(name, "fake", 0, 1000 + i, i % 10 == 0 ? Outcome.RESET : Outcome.OK, null));
                }
            }));
        }
        go.countDown();
        long count = 0;
        long latencyCount = 0;
        long resets = 0;
        while (writers.stream().anyMatch(Thread::isAlive)) {
            for (SeriesInterval r : drain().requests()) {
                count += r.count();
                latencyCount += r.latency().getTotalCount();
                resets += r.count(Outcome.RESET);
            }
        }
        for (Thread w : writers) {
            w.join();
        }
        for (SeriesInterval r : drain().requests()) {
            count += r.count();
            latencyCount += r.latency().getTotalCount();
            resets += r.count(Outcome.RESET);
        }
        assertThat(count).isEqualTo((long) threads * each);
        assertThat(latencyCount).isEqualTo(count);
        assertThat(resets).isEqualTo(threads * each / 10);
    }
}
