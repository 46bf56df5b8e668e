package io.carga.report.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Compares a run with a baseline run per request name. Percentiles come from each run's whole-run
 * histograms (not from rounded summaries), and the two latency distributions are also compared as a
 * whole: {@code shift} is the largest gap between their cumulative distributions (the Kolmogorov–Smirnov
 * distance, 0 = identical, 1 = disjoint), which catches a change that moves the body but not one chosen
 * percentile.
 *
 * <pre>{@code
 * BaselineComparison c = BaselineComparison.compare(base.aggregate(), current.aggregate(), 0.10, Set.of(Figure.P95));
 * c.regressions();   // ["GET /users p95 +31.2% (40.1 → 52.6 ms)"]
 * }</pre>
 */
public record BaselineComparison(List<Row> rows, double limit, Set<Figure> checked, List<String> regressions) {
    /** Names need this many requests in both runs to be judged. */
    public static final long MIN_COUNT = 20;
    static final String TOTAL = "Total";

    /**
     * One request name in both runs.
     *
     * @param base    figures of the baseline, null when the name is new
     * @param current figures of this run, null when the name is gone
     * @param worse   by figure, how much worse this run is (fraction; negative = better)
     * @param shift   Kolmogorov–Smirnov distance between the two latency distributions
     */
    public record Row(String name, Map<Figure, Double> base, Map<Figure, Double> current, Map<Figure, Double> worse,
                      double shift, Set<Figure> regressed) {
    }

    public static BaselineComparison compare(RunAggregate base, RunAggregate current, double limit, Set<Figure> checked) {
        Set<String> names = new LinkedHashSet<>();
        base.requests().keySet().forEach(k -> names.add(k.label()));
        current.requests().keySet().forEach(k -> names.add(k.label()));
        List<Row> rows = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        for (String name : names) {
            rows.add(row(name, base, find(base, name), current, find(current, name), limit, checked, regressions));
        }
        rows.add(row(TOTAL, base, base.total(), current, current.total(), limit, checked, regressions));
        return new BaselineComparison(rows, limit, Set.copyOf(checked), regressions);
    }

    private static SeriesTotals find(RunAggregate a, String label) {
        return a.requests().get(SeriesKey.parse(label));
    }

    private static Row row(String name, RunAggregate ba, SeriesTotals b, RunAggregate ca, SeriesTotals c, double limit,
                           Set<Figure> checked, List<String> regressions) {
        Map<Figure, Double> bf = b == null ? null : figures(ba, b);
        Map<Figure, Double> cf = c == null ? null : figures(ca, c);
        Map<Figure, Double> worse = new EnumMap<>(Figure.class);
        Set<Figure> regressed = new LinkedHashSet<>();
        double shift = 0;
        if (bf != null && cf != null) {
            shift = ksDistance(b.latency(), c.latency());
            boolean enough = b.count() >= MIN_COUNT && c.count() >= MIN_COUNT;
            for (Figure f : Figure.values()) {
                double w = f.worsening(bf.get(f), cf.get(f));
                worse.put(f, w);
                if (enough && checked.contains(f) && w > limit) {
                    regressed.add(f);
                    regressions.add(String.format(Locale.ROOT, "%s %s %s (%s → %s)", name, f.key(), pct(w), fmt(bf.get(f)), fmt(cf.get(f))));
                }
            }
        }
        return new Row(name, bf, cf, worse, shift, regressed);
    }

    static Map<Figure, Double> figures(RunAggregate a, SeriesTotals t) {
        Map<Figure, Double> m = new EnumMap<>(Figure.class);
        m.put(Figure.P50, t.latencyMs(50));
        m.put(Figure.P95, t.latencyMs(95));
        m.put(Figure.P99, t.latencyMs(99));
        m.put(Figure.ERROR_RATE, t.count() == 0 ? 0 : (double) t.errors() / t.count());
        m.put(Figure.RPS, a.rps(t));
        double cost = t.fieldSums().getOrDefault("cost", 0.0);
        m.put(Figure.COST, t.count() == 0 ? 0 : cost / t.count());
        return m;
    }

    /** max |F_a(x) − F_b(x)| evaluated at every value where either distribution steps. */
    static double ksDistance(Histogram a, Histogram b) {
        if (a.getTotalCount() == 0 || b.getTotalCount() == 0) {
            return 0;
        }
        double max = 0;
        for (Histogram h : List.of(a, b)) {
            for (var v : h.recordedValues()) {
                long x = v.getValueIteratedTo();
                double d = Math.abs(a.getPercentileAtOrBelowValue(x) - b.getPercentileAtOrBelowValue(x)) / 100.0;
                max = Math.max(max, d);
            }
        }
        return max;
    }

    static String pct(double w) {
        if (Double.isInfinite(w)) {
            return w > 0 ? "worse (was 0)" : "better";
        }
        return String.format(Locale.ROOT, "%+.1f%%", w * 100);
    }

    static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    public boolean regressed() {
        return !regressions.isEmpty();
    }

    /** A console table. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        int width = Math.max(20, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        width = Math.min(width, 50);
        sb.append(String.format(Locale.ROOT, "%-" + width + "s %20s %20s %20s %16s %7s%n", "Name (baseline → this run)", "p50 ms", "p95 ms",
                "p99 ms", "errors", "shift"));
        for (Row r : rows) {
            String n = r.name().length() > width ? r.name().substring(0, width - 1) + "…" : r.name();
            if (r.base() == null || r.current() == null) {
                sb.append(String.format(Locale.ROOT, "%-" + width + "s %s%n", n, r.base() == null ? "new in this run" : "absent from this run"));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %20s %20s %20s %16s %7.3f%s%n", n, cell(r, Figure.P50), cell(r, Figure.P95),
                    cell(r, Figure.P99), String.format(Locale.ROOT, "%.2f→%.2f%%", r.base().get(Figure.ERROR_RATE) * 100,
                            r.current().get(Figure.ERROR_RATE) * 100), r.shift(), r.regressed().isEmpty() ? "" : "  REGRESSED"));
        }
        if (regressions.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "no regression beyond %.0f%% on %s%n", limit * 100, keys()));
        } else {
            sb.append(String.format(Locale.ROOT, "regressions beyond %.0f%%:%n", limit * 100));
            regressions.forEach(x -> sb.append("  ").append(x).append('\n'));
        }
        return sb.toString();
    }

    private static String cell(Row r, Figure f) {
        double b = r.base().get(f);
        double c = r.current().get(f);
        return String.format(Locale.ROOT, "%s→%s %s", fmt(b), fmt(c), b == 0 ? "" : String.format(Locale.ROOT, "%+.0f%%", (c - b) / b * 100));
    }

    private String keys() {
        return String.join(",", checked.stream().map(Figure::key).sorted().toList());
    }

    public ObjectNode toJson(ObjectMapper json, String baseDir) {
        ObjectNode n = json.createObjectNode();
        n.put("baseline", baseDir);
        n.put("limit", limit);
        ArrayNode ch = n.putArray("checked");
        checked.stream().map(Figure::key).sorted().forEach(ch::add);
        ArrayNode reg = n.putArray("regressions");
        regressions.forEach(reg::add);
        ArrayNode rs = n.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = rs.addObject();
            o.put("name", r.name());
            if (r.base() != null) {
                ObjectNode b = o.putObject("base");
                r.base().forEach((f, v) -> b.put(f.key(), v));
            }
            if (r.current() != null) {
                ObjectNode c = o.putObject("current");
                r.current().forEach((f, v) -> c.put(f.key(), v));
            }
            ObjectNode w = o.putObject("worse");
            r.worse().forEach((f, v) -> w.put(f.key(), Double.isInfinite(v) ? (v > 0 ? 1e9 : -1e9) : v));
            o.put("shift", Math.round(r.shift() * 1000) / 1000.0);
            ArrayNode rg = o.putArray("regressed");
            r.regressed().forEach(f -> rg.add(f.key()));
        }
        return n;
    }

    static double ms(double micros) {
        return Histograms.ms(micros);
    }
}
