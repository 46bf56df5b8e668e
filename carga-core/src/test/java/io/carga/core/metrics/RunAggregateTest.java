package io.carga.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunAggregateTest {
    private static final long EPOCH = 1_700_000_000_000L;

    @Test
    void percentilesEqualThoseOfOneHistogramOfTheSameValues() {
        MetricsHub hub = new MetricsHub();
        RunAggregate aggregate = new RunAggregate();
        Histogram direct = Histograms.newHistogram();
        Histogram directA = Histograms.newHistogram();
        SplittableRandom random = new SplittableRandom(11);
        for (int interval = 0; interval < 4; interval++) {
            for (int i = 0; i < 5_000; i++) {
                // log-normal-ish latencies from 0.1 ms to a few seconds, in nanoseconds
                long nanos = (long) (Math.exp(random.nextGaussian() * 1.5 + 16));
                String name = random.nextInt(3) == 0 ? "a" : "b";
                hub.record(RequestEvent.of(name, "fake", 1_000, 1_000 + nanos, Outcome.OK, null));
                direct.recordValue(Histograms.micros(nanos));
                if (name.equals("a")) {
                    directA.recordValue(Histograms.micros(nanos));
                }
            }
            aggregate.add(hub.drain(interval, EPOCH + interval * 1000L, EPOCH + (interval + 1) * 1000L, interval + 1, 1));
        }

        assertSamePercentiles(aggregate.total().latency(), direct);
        assertSamePercentiles(aggregate.requests().get(SeriesKey.of("a")).latency(), directA);
        assertThat(aggregate.total().count()).isEqualTo(20_000);
        assertThat(aggregate.total().latencyMs(99)).isEqualTo(direct.getValueAtPercentile(99) / 1000.0);
        assertThat(aggregate.rps(aggregate.total())).isCloseTo(5_000, within(1e-9));
    }

    private static void assertSamePercentiles(Histogram actual, Histogram expected) {
        assertThat(actual.getTotalCount()).isEqualTo(expected.getTotalCount());
        for (double p : new double[] {50, 90, 95, 99, 99.9, 100}) {
            assertThat(actual.getValueAtPercentile(p)).as("p%s", p).isEqualTo(expected.getValueAtPercentile(p));
        }
        assertThat(actual.getMean()).isEqualTo(expected.getMean());
        assertThat(actual.getMaxValue()).isEqualTo(expected.getMaxValue());
    }

    @Test
    void aRunRebuiltFromItsTotalsEqualsTheFoldedOne() {
        MetricsHub hub = new MetricsHub();
        RunAggregate folded = new RunAggregate();
        List<IntervalSnapshot> snapshots = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int interval = 0; interval < 3; interval++) {
            for (int i = 0; i < 500; i++) {
                long nanos = (long) Math.exp(random.nextGaussian() + 15);
                hub.record(RequestEvent.of(random.nextBoolean() ? "a" : "b", "fake", 0, nanos, i % 50 == 0 ? Outcome.SERVER_ERROR : Outcome.OK, null));
            }
            hub.recordLag(1_000_000L * (interval + 1));
            IntervalSnapshot s = hub.drain(interval, EPOCH + interval * 1000L, EPOCH + (interval + 1) * 1000L, interval + 1, 2);
            snapshots.add(s);
            folded.add(s);
        }

        RunAggregate rebuilt = new RunAggregate();
        for (int i = 0; i < snapshots.size(); i++) {
            TimePoint p = folded.timeline().get(i);
            rebuilt.addWithoutHistograms(snapshots.get(i), new RunAggregate.IntervalLatency(p.p50(), p.p95(), p.p99(), p.max(), p.lagP99Ms()));
        }
        folded.requests().forEach((k, t) -> rebuilt.addTotals(k, t.latency(), t.service()));
        rebuilt.addLagTotals(folded.lag(), folded.steadyLag());

        assertThat(rebuilt.requests().keySet()).containsExactlyElementsOf(folded.requests().keySet());
        assertSamePercentiles(rebuilt.total().latency(), folded.total().latency());
        assertSamePercentiles(rebuilt.requests().get(SeriesKey.of("a")).service(), folded.requests().get(SeriesKey.of("a")).service());
        assertThat(rebuilt.total().errors()).isEqualTo(folded.total().errors()).isPositive();
        assertThat(rebuilt.timeline()).usingRecursiveFieldByFieldElementComparator().isEqualTo(folded.timeline());
        assertThat(rebuilt.lagP99Ms()).isEqualTo(folded.lagP99Ms());
        assertThat(rebuilt.steadyLag().getTotalCount()).as("the warm-up interval's lag is left out").isEqualTo(2);
    }

    @Test
    void theTimeSeriesHasOnePointPerInterval() {
        MetricsHub hub = new MetricsHub();
        RunAggregate aggregate = new RunAggregate();
        int[] perInterval = {10, 0, 25};
        for (int i = 0; i < perInterval.length; i++) {
            for (int k = 0; k < perInterval[i]; k++) {
                hub.record(RequestEvent.of("q", "fake", 0, (k + 1) * 1_000_000L, k == 0 ? Outcome.CLIENT_ERROR : Outcome.OK, null));
            }
            hub.recordDropped();
            aggregate.add(hub.drain(i, EPOCH + i * 500L, EPOCH + (i + 1) * 500L, (i + 1) * 0.5, i + 2));
        }

        List<TimePoint> points = aggregate.timeline();
        assertThat(points).hasSize(3);
        assertThat(points).extracting(TimePoint::requests).containsExactly(10L, 0L, 25L);
        assertThat(points).extracting(TimePoint::rps).containsExactly(20.0, 0.0, 50.0);
        assertThat(points).extracting(TimePoint::errors).containsExactly(1L, 0L, 1L);
        assertThat(points).extracting(TimePoint::users).containsExactly(2, 3, 4);
        assertThat(points).extracting(TimePoint::elapsedSeconds).containsExactly(0.5, 1.0, 1.5);
        assertThat(points.get(0).max()).as("3 significant digits").isCloseTo(10.0, within(0.011));
        assertThat(points.get(2).p50()).isCloseTo(13.0, within(0.01));
        assertThat(points.get(1).p99()).as("an empty interval shows 0, not garbage").isZero();
        assertThat(aggregate.dropped()).isEqualTo(3);
        assertThat(aggregate.usersPeak()).isEqualTo(4);
        assertThat(aggregate.durationSeconds()).isEqualTo(1.5);
        assertThat(aggregate.startEpochMs()).isEqualTo(EPOCH);
        assertThat(aggregate.endEpochMs()).isEqualTo(EPOCH + 1500);
    }

    @Test
    void saturatedAfterThreeIntervalsInARowAtFullCpu() {
        assertThat(saturated(0.96, 0.97, 0.5, 0.99, 0.99)).as("two in a row, twice").isFalse();
        assertThat(saturated(0.5, 0.95, 0.96, 0.97, 0.2)).isTrue();
        assertThat(saturated(0.94, 0.94, 0.94, 0.94)).isFalse();
    }

    @Test
    void saturatedWhenSchedulingLagP99PassesTheLimit() {
        assertThat(aggregateWithLag(101_000).saturated()).isTrue();
        assertThat(aggregateWithLag(99_000).saturated()).isFalse();
        assertThat(aggregateWithLag(101_000).lagP99Ms()).isCloseTo(101, within(0.1));
    }

    private static boolean saturated(double... cpus) {
        RunAggregate a = new RunAggregate();
        for (int i = 0; i < cpus.length; i++) {
            a.add(snapshot(i, cpus[i], Histograms.newHistogram()));
        }
        assertThat(a.cpuPeak()).isEqualTo(java.util.Arrays.stream(cpus).max().orElseThrow());
        return a.saturated();
    }

    private static RunAggregate aggregateWithLag(long lagMicros) {
        Histogram lag = Histograms.newHistogram();
        lag.recordValueWithCount(1_000, 90);
        lag.recordValueWithCount(lagMicros, 10);
        RunAggregate a = new RunAggregate();
        a.add(snapshot(0, 0.1, lag));
        return a;
    }

    private static IntervalSnapshot snapshot(int i, double cpu, Histogram lag) {
        return new IntervalSnapshot(i, EPOCH + i * 1000L, EPOCH + (i + 1) * 1000L, i + 1, 1, 0, List.of(),
                CustomInterval.EMPTY, new GeneratorSample(cpu, lag, 0, 0, 0));
    }
}
