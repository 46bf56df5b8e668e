package io.carga.core.metrics;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The live, lock-free accumulator of one series. Writers are virtual users (many threads); the only
 * reader is the interval ticker, which swaps the recorders and drains the adders once per interval.
 */
final class RequestSeries {
    private static final Outcome[] OUTCOMES = Outcome.values();
    /** Distinct failure reasons kept per series and interval; the rest are counted under one line. */
    static final int MAX_REASONS = 20;
    static final String OTHER_REASONS = "(other reasons)";
    private static final int MAX_REASON_LENGTH = 200;

    final SeriesKey key;
    /**
     * Events whose latency and service time are the same microsecond count, recorded once: every event of a
     * closed loop without pacing (pgbench's transactions and statements without {@code -R}), whose two
     * histograms are then one. That halves the recorders' atomic writes, and the interval's drain.
     */
    private final StripedRecorder same = new StripedRecorder();
    /** The others' two values; made at the first such event (a schedule, pacing, an open model). */
    private volatile Apart apart;

    private record Apart(StripedRecorder latency, StripedRecorder service) {
    }
    private final LongAdder[] outcomes = new LongAdder[OUTCOMES.length];
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final Map<String, DoubleAdder> fields = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    RequestSeries(SeriesKey key) {
        this.key = key;
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
    }

    void record(RequestEvent e) {
        long latency = Histograms.micros(e.latencyNanos());
        long service = Histograms.micros(e.serviceNanos());
        if (latency == service) {
            same.recordValue(latency);
        } else {
            Apart a = apart;
            if (a == null) {
                a = apart();
            }
            a.latency().recordValue(latency);
            a.service().recordValue(service);
        }
        outcomes[e.outcome().ordinal()].increment();
        if (e.outcome().isError()) {
            failure(e.outcome(), e.error());
        }
        if (e.bytesReceived() != 0) {
            bytesIn.add(e.bytesReceived());
        }
        if (e.bytesSent() != 0) {
            bytesOut.add(e.bytesSent());
        }
        if (!e.fields().isEmpty()) {
            e.fields().forEach(this::addField);
        }
    }

    private synchronized Apart apart() {
        if (apart == null) {
            apart = new Apart(new StripedRecorder(), new StripedRecorder());
        }
        return apart;
    }

    private void addField(String name, Double value) {
        DoubleAdder sum = fields.get(name); // a plain read first: computeIfAbsent costs more on the hot path
        if (sum == null) {
            sum = fields.computeIfAbsent(name, x -> new DoubleAdder());
        }
        sum.add(value);
    }

    private void failure(Outcome outcome, String error) {
        String reason = error == null || error.isBlank() ? outcome.key() : error;
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "…";
        }
        LongAdder n = failures.get(reason);
        if (n == null) {
            n = failures.size() < MAX_REASONS ? failures.computeIfAbsent(reason, r -> new LongAdder())
                    : failures.computeIfAbsent(OTHER_REASONS, r -> new LongAdder());
        }
        n.increment();
    }

    /** Swaps the recorders; the returned histograms belong to the caller from now on. */
    SeriesInterval drain() {
        Histogram both = same.drain();
        Apart a = apart;   // made after this read: its values come with the next interval
        Histogram lat;
        Histogram svc;
        if (a == null) {
            lat = both;
            svc = both; // one histogram for both: a snapshot's histograms are never changed (SeriesInterval)
        } else {
            lat = a.latency().drain();
            lat.add(both);
            svc = a.service().drain();
            svc.add(both);
        }
        long[] counts = new long[outcomes.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = outcomes[i].sumThenReset();
        }
        Map<String, Double> sums = Map.of();
        if (!fields.isEmpty()) {
            sums = new java.util.TreeMap<>();
            for (var f : fields.entrySet()) {
                sums.put(f.getKey(), f.getValue().sumThenReset());
            }
        }
        Map<String, Long> reasons = Map.of();
        if (!failures.isEmpty()) {
            reasons = new java.util.TreeMap<>();
            for (var f : failures.entrySet()) {
                long n = f.getValue().sum();
                if (n > 0) {
                    reasons.put(f.getKey(), n);
                }
            }
            failures.clear(); // a few increments racing the clear are lost from the reasons, never from the counts
        }
        return new SeriesInterval(key, lat, svc, counts, bytesIn.sumThenReset(), bytesOut.sumThenReset(), sums, reasons);
    }
}
