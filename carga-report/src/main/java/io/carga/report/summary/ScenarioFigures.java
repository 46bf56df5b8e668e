package io.carga.report.summary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.event.Tags;
import io.carga.core.load.MixedModel;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.results.RunMeta;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Figures per scenario of a run of several ({@link MixedModel}), from the {@code scenario} tag of its
 * request series: summary.json's {@code scenarios} object, which the HTML report and the console show.
 * The scenarios' counts add up to the run's total.
 *
 * <pre>{@code
 * "scenarios": {"browsing": {"load": "closed: up to 200 users for 10m", "count": 1200, "errors": 3,
 *     "error_rate": 0.003, "rps": 20.0, "latency_ms": {"p50": 12, "p95": 40, "p99": 80},
 *     "users_peak": 200}, ...}
 * }</pre>
 */
public final class ScenarioFigures {
    private ScenarioFigures() {
    }

    /** One scenario's figures. */
    public record Figures(String load, long count, long errors, double rps, double p50, double p95, double p99,
                          Integer usersPeak, Long dropped) {
        public double errorRate() {
            return count == 0 ? 0 : (double) errors / count;
        }
    }

    /** Each scenario's figures, in the run's order; empty for a run of one scenario. */
    public static Map<String, Figures> of(RunMeta meta, RunAggregate a) {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (String name : meta.scenarios().keySet()) {
            Histogram latency = Histograms.newHistogram();
            long count = 0;
            long errors = 0;
            for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
                if (name.equals(e.getKey().tags().get(MixedModel.TAG))) {
                    SeriesTotals t = e.getValue();
                    latency.add(t.latency());
                    count += t.count();
                    errors += t.errors();
                }
            }
            Tags tag = Tags.of(MixedModel.TAG, name);
            Double peak = a.gauges().get(new SeriesKey(MixedModel.USERS_PEAK, tag));
            Double dropped = a.counters().get(new SeriesKey(MixedModel.DROPPED, tag));
            out.put(name, new Figures(meta.scenarios().get(name), count, errors,
                    a.durationSeconds() <= 0 ? 0 : count / a.durationSeconds(), pct(latency, 50), pct(latency, 95),
                    pct(latency, 99), peak == null ? null : peak.intValue(), dropped == null ? null : dropped.longValue()));
        }
        return out;
    }

    /** Adds {@code scenarios} to {@code root} when the run had several. */
    public static void addTo(ObjectNode root, RunMeta meta, RunAggregate a) {
        Map<String, Figures> all = of(meta, a);
        if (all.isEmpty()) {
            return;
        }
        ObjectNode scenarios = root.putObject("scenarios");
        all.forEach((name, f) -> {
            ObjectNode n = scenarios.putObject(name);
            n.put("load", f.load());
            n.put("count", f.count());
            n.put("errors", f.errors());
            n.put("error_rate", SummaryJson.round(f.errorRate()));
            n.put("rps", SummaryJson.round(f.rps()));
            ObjectNode l = n.putObject("latency_ms");
            l.put("p50", SummaryJson.round(f.p50()));
            l.put("p95", SummaryJson.round(f.p95()));
            l.put("p99", SummaryJson.round(f.p99()));
            if (f.usersPeak() != null) {
                n.put("users_peak", f.usersPeak());
            }
            if (f.dropped() != null) {
                n.put("dropped_iterations", f.dropped());
            }
        });
    }

    /** One console line per scenario, or nothing for a run of one. */
    public static String console(RunMeta meta, RunAggregate a) {
        StringBuilder sb = new StringBuilder();
        of(meta, a).forEach((name, f) -> sb.append(String.format(Locale.ROOT,
                "  scenario %s: %d requests, %.2f%% errors, %.1f req/s, p95 %.1f ms%s%s (%s)%n", name, f.count(),
                100 * f.errorRate(), f.rps(), f.p95(), f.usersPeak() == null ? "" : ", peak users " + f.usersPeak(),
                f.dropped() == null || f.dropped() == 0 ? "" : ", " + f.dropped() + " dropped", f.load())));
        return sb.toString();
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? 0 : Histograms.ms(h.getValueAtPercentile(p));
    }
}
