package io.carga.core.metrics;

import io.carga.core.api.Metrics;
import io.carga.core.event.Tags;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The scenario-recorded counters, gauges and timings, drained once per interval like requests. */
final class CustomMetrics implements Metrics {
    private final Map<SeriesKey, CounterImpl> counters = new ConcurrentHashMap<>();
    private final Map<SeriesKey, GaugeImpl> gauges = new ConcurrentHashMap<>();
    private final Map<SeriesKey, TimingImpl> timings = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, Tags tags) {
        return counters.computeIfAbsent(new SeriesKey(name, tags), k -> new CounterImpl());
    }

    @Override
    public Gauge gauge(String name, Tags tags) {
        return gauges.computeIfAbsent(new SeriesKey(name, tags), k -> new GaugeImpl());
    }

    @Override
    public Timing timing(String name, Tags tags) {
        return timings.computeIfAbsent(new SeriesKey(name, tags), k -> new TimingImpl());
    }

    CustomInterval drain() {
        Map<SeriesKey, Double> c = new TreeMap<>();
        counters.forEach((k, v) -> c.put(k, v.sum.sumThenReset()));
        Map<SeriesKey, Double> g = new TreeMap<>();
        gauges.forEach((k, v) -> g.put(k, v.value));
        Map<SeriesKey, Histogram> t = new TreeMap<>();
        timings.forEach((k, v) -> t.put(k, v.recorder.getIntervalHistogram()));
        return new CustomInterval(c, g, t);
    }

    private static final class CounterImpl implements Counter {
        final DoubleAdder sum = new DoubleAdder();

        @Override
        public void add(double amount) {
            sum.add(amount);
        }
    }

    private static final class GaugeImpl implements Gauge {
        volatile double value;

        @Override
        public void set(double v) {
            value = v;
        }
    }

    private static final class TimingImpl implements Timing {
        final Recorder recorder = Histograms.newRecorder();

        @Override
        public void recordNanos(long nanos) {
            recorder.recordValue(Histograms.micros(nanos));
        }
    }
}
