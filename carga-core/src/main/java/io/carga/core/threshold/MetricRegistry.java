package io.carga.core.threshold;

import io.carga.core.metrics.Histograms;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The metrics thresholds and alert rules can name, each with its {@link Kind} and {@link Measure}.
 * Built once in the composition root ({@link #builtIn()}, then {@link #register} for protocol metrics)
 * and read-only after; no global instance.
 *
 * <table>
 * <tr><th>name</th><th>kind</th><th>value</th></tr>
 * <tr><td>{@code pN}, {@code p(N)}</td><td>time</td><td>latency percentile N, ms</td></tr>
 * <tr><td>{@code mean} ({@code avg}), {@code med}, {@code min}, {@code max}</td><td>time</td><td>latency, ms</td></tr>
 * <tr><td>{@code error_rate}</td><td>ratio</td><td>failed / all requests</td></tr>
 * <tr><td>{@code rps}</td><td>rate</td><td>requests per second over the span</td></tr>
 * <tr><td>{@code count}, {@code errors}</td><td>count</td><td>requests, failed requests</td></tr>
 * <tr><td>{@code dropped_iterations}</td><td>count</td><td>iterations that could not start on time (run-wide)</td></tr>
 * <tr><td>{@code users}</td><td>count</td><td>most virtual users at once (run-wide)</td></tr>
 * <tr><td>{@code cost}, {@code ai_cost}</td><td>money</td><td>sum of the events' {@code cost} field</td></tr>
 * <tr><td>{@code query_time}</td><td>time</td><td>slowest request (max), ms; meant for a database tier</td></tr>
 * <tr><td>{@code response_time_pN}</td><td>time</td><td>alias of {@code pN} (the spec's adaptive rule)</td></tr>
 * </table>
 * Any other name that is the name of an event field ({@code tokens}) is that field's sum ({@link Kind#COUNT}).
 */
public final class MetricRegistry {
    /** A registered metric. */
    public record Entry(Kind kind, Measure measure) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    public static MetricRegistry builtIn() {
        MetricRegistry r = new MetricRegistry();
        r.register("p", Kind.TIME, (v, m) -> pct(v.latency(), m.percentile()));
        r.register("mean", Kind.TIME, (v, m) -> v.count() == 0 ? OptionalDouble.empty() : OptionalDouble.of(Histograms.ms(v.latency().getMean())));
        r.register("avg", Kind.TIME, r.entries.get("mean").measure());
        r.register("med", Kind.TIME, (v, m) -> pct(v.latency(), 50));
        r.register("min", Kind.TIME, (v, m) -> v.count() == 0 ? OptionalDouble.empty() : OptionalDouble.of(Histograms.ms(v.latency().getMinValue())));
        r.register("max", Kind.TIME, (v, m) -> v.count() == 0 ? OptionalDouble.empty() : OptionalDouble.of(Histograms.ms(v.latency().getMaxValue())));
        r.register("query_time", Kind.TIME, r.entries.get("max").measure());
        r.register("error_rate", Kind.RATIO, (v, m) -> v.count() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) v.errors() / v.count()));
        r.register("rps", Kind.RATE, (v, m) -> v.seconds() <= 0 ? OptionalDouble.empty() : OptionalDouble.of(v.count() / v.seconds()));
        r.register("count", Kind.COUNT, (v, m) -> OptionalDouble.of(v.count()));
        r.register("errors", Kind.COUNT, (v, m) -> OptionalDouble.of(v.errors()));
        r.register("dropped_iterations", Kind.COUNT, (v, m) -> OptionalDouble.of(v.dropped()));
        r.register("users", Kind.COUNT, (v, m) -> OptionalDouble.of(v.usersPeak()));
        r.register("cost", Kind.MONEY, field("cost"));
        r.register("ai_cost", Kind.MONEY, field("cost"));
        return r;
    }

    /** Adds or replaces a metric. Call before the run starts. */
    public MetricRegistry register(String name, Kind kind, Measure measure) {
        entries.put(name, new Entry(kind, measure));
        return this;
    }

    /** The entry for {@code metric}, or null when nothing by that name is known. */
    public Entry find(Metric metric) {
        if (metric.isPercentile()) {
            return entries.get("p");
        }
        Entry e = entries.get(metric.name());
        if (e == null && metric.name().startsWith("response_time_p")) {
            return entries.get("p");
        }
        return e;
    }

    /**
     * The metric's value over {@code view}: a registered measure, else the sum of the event field of
     * that name, else empty.
     */
    public OptionalDouble measure(Metric metric, MetricView view) {
        Metric m = metric;
        if (!m.isPercentile() && m.name().startsWith("response_time_p")) {
            m = Metric.percentile(Double.parseDouble(m.name().substring("response_time_p".length())));
        }
        Entry e = find(m);
        if (e != null) {
            return e.measure().measure(view, m);
        }
        return field(m.name()).measure(view, m);
    }

    /** The kind of {@code metric}; {@link Kind#COUNT} for unknown names (read as event-field sums). */
    public Kind kind(Metric metric) {
        Entry e = find(metric);
        return e == null ? Kind.COUNT : e.kind();
    }

    public Set<String> names() {
        return entries.keySet();
    }

    /** The sum of an event field over the view, empty when no event carried it. */
    public static Measure field(String name) {
        return (v, m) -> {
            Double sum = v.fieldSums().get(name);
            return sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum);
        };
    }

    /** A percentile of a microsecond histogram in ms, empty when the histogram is. */
    public static OptionalDouble pct(Histogram h, double p) {
        return h == null || h.getTotalCount() == 0 ? OptionalDouble.empty() : OptionalDouble.of(Histograms.ms(h.getValueAtPercentile(p)));
    }
}
