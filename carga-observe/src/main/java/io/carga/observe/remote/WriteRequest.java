package io.carga.observe.remote;

import com.google.protobuf.CodedOutputStream;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xerial.snappy.Snappy;

/**
 * A remote-write 1.0 request body: the {@code prometheus.WriteRequest} protobuf, snappy-compressed in
 * block format. The messages are written field by field with protobuf's own encoder (the schema has
 * four small messages; generating classes for them would need protoc in the build):
 *
 * <pre>
 * WriteRequest { repeated TimeSeries timeseries = 1; }
 * TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
 * Label        { string name = 1; string value = 2; }
 * Sample       { double value = 1; int64 timestamp = 2; }
 * </pre>
 *
 * Counters become {@code NAME_total}, gauges {@code NAME}, histograms their classic series
 * ({@code _bucket} with {@code le}, {@code _count}, {@code _sum}), as a scrape of the text format gives.
 */
final class WriteRequest {
    private WriteRequest() {
    }

    /** The compressed body for every data point of {@code snapshots} at {@code timestampMs}. */
    static byte[] encode(MetricSnapshots snapshots, Map<String, String> extraLabels, long timestampMs) {
        try {
            List<Series> all = series(snapshots, extraLabels);
            return Snappy.compress(message(out -> {
                for (Series s : all) {
                    out.writeByteArray(1, timeSeries(s, timestampMs));
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One series: its labels sorted by name ({@code __name__} first), as remote write requires, and a value. */
    record Series(TreeMap<String, String> labels, double value) {
    }

    static List<Series> series(MetricSnapshots snapshots, Map<String, String> extraLabels) {
        List<Series> out = new ArrayList<>();
        for (MetricSnapshot m : snapshots) {
            String name = m.getMetadata().getPrometheusName();
            switch (m) {
                case CounterSnapshot c -> c.getDataPoints().forEach(p -> out.add(series(name + "_total", p, extraLabels, null, p.getValue())));
                case GaugeSnapshot g -> g.getDataPoints().forEach(p -> out.add(series(name, p, extraLabels, null, p.getValue())));
                case HistogramSnapshot h -> {
                    for (HistogramSnapshot.HistogramDataPointSnapshot p : h.getDataPoints()) {
                        if (p.hasClassicHistogramData()) {
                            long cumulative = 0;
                            for (ClassicHistogramBucket b : p.getClassicBuckets()) {
                                cumulative += b.getCount();
                                out.add(series(name + "_bucket", p, extraLabels, le(b.getUpperBound()), cumulative));
                            }
                        }
                        out.add(series(name + "_count", p, extraLabels, null, p.getCount()));
                        if (p.hasSum()) {
                            out.add(series(name + "_sum", p, extraLabels, null, p.getSum()));
                        }
                    }
                }
                default -> { } // carga registers no other kind
            }
        }
        return out;
    }

    private static Series series(String name, DataPointSnapshot p, Map<String, String> extra, String le, double value) {
        TreeMap<String, String> labels = new TreeMap<>(extra);
        for (Label l : p.getLabels()) {
            labels.put(l.getName(), l.getValue());
        }
        if (le != null) {
            labels.put("le", le);
        }
        labels.put("__name__", name);
        return new Series(labels, value);
    }

    private static String le(double bound) {
        return bound == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(bound);
    }

    private static byte[] timeSeries(Series s, long timestampMs) throws IOException {
        return message(out -> {
            for (Map.Entry<String, String> l : s.labels().entrySet()) {
                out.writeByteArray(1, message(label -> {
                    label.writeString(1, l.getKey());
                    label.writeString(2, l.getValue());
                }));
            }
            out.writeByteArray(2, message(sample -> {
                sample.writeDouble(1, s.value());
                sample.writeInt64(2, timestampMs);
            }));
        });
    }

    /** Writes one message's fields; protobuf frames an embedded message as bytes with its length. */
    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buf);
        fields.write(out);
        out.flush();
        return buf.toByteArray();
    }
}
