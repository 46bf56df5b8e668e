package io.carga.report.summary;

import io.carga.core.event.Outcome;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.results.RunMeta;
import java.util.Locale;

/** The end-of-run table a person reads first: one row per request name, then the totals and warnings. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    public static String render(RunMeta meta, RunAggregate a) {
        StringBuilder sb = new StringBuilder();
        int width = Math.min(60, Math.max(20, a.requests().keySet().stream().mapToInt(k -> k.label().length()).max().orElse(0)));
        String head = "%-" + width + "s %9s %7s %9s %9s %9s %9s %9s %9s %9s%n";
        String row = "%-" + width + "s %9d %7d %9.1f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f%n";
        sb.append(String.format(Locale.ROOT, head, "Name", "# reqs", "# fails", "req/s", "avg ms", "p50", "p90", "p95", "p99", "max"));
        sb.append("-".repeat(width + 90)).append('\n');
        a.requests().forEach((k, t) -> sb.append(line(row, abbreviate(k.label(), width), a, t)));
        sb.append("-".repeat(width + 90)).append('\n');
        sb.append(line(row, "Total", a, a.total()));
        sb.append('\n');
        SeriesTotals total = a.total();
        double errorRate = total.count() == 0 ? 0 : 100.0 * total.errors() / total.count();
        sb.append(String.format(Locale.ROOT, "duration %.1fs, peak users %d, %d requests, %.2f%% errors, %d dropped iterations%n",
                a.durationSeconds(), a.usersPeak(), total.count(), errorRate, a.dropped()));
        sb.append(meta == null ? "" : ScenarioFigures.console(meta, a));
        if (total.errors() > 0) {
            sb.append("errors by kind:");
            for (Outcome o : Outcome.values()) {
                if (o.isError() && total.count(o) > 0) {
                    sb.append(' ').append(o.key()).append('=').append(total.count(o));
                }
            }
            sb.append('\n');
        }
        failures(sb, a);
        if (!a.counters().isEmpty()) {
            sb.append("counters:");
            a.counters().forEach((k, v) -> sb.append(' ').append(k.label()).append('=').append(fmt(v)));
            sb.append('\n');
        }
        sb.append(io.carga.report.ai.AiSection.console(a));
        sb.append(String.format(Locale.ROOT, "generator: cpu peak %.0f%%, scheduling lag p99 %.1f ms, gc pauses %d ms, heap peak %.0f MB%n",
                a.cpuPeak() * 100, a.lagP99Ms(), a.gcPauseMs(), a.heapPeak() / 1048576.0));
        if (a.saturated()) {
            sb.append("WARNING: the load generator itself was saturated (CPU or scheduling lag): latency figures include the generator's own delay and cannot be trusted.\n");
        }
        if (meta != null && !meta.finished()) {
            sb.append("NOTE: this run ended abruptly; figures cover it up to its last complete interval.\n");
        } else if (meta != null && meta.stopCause() != null) {
            sb.append("stopped: ").append(meta.stopReason().toLowerCase(Locale.ROOT)).append(" (").append(meta.stopCause()).append(")\n");
        }
        return sb.toString();
    }

    /** The most frequent failure reasons, so a failing check says why without opening a file. */
    private static void failures(StringBuilder sb, RunAggregate a) {
        var top = a.requests().entrySet().stream()
                .flatMap(e -> e.getValue().failures().entrySet().stream().map(f -> java.util.Map.entry(e.getKey().label(), f)))
                .sorted((x, y) -> Long.compare(y.getValue().getValue(), x.getValue().getValue()))
                .limit(10).toList();
        if (top.isEmpty()) {
            return;
        }
        sb.append("failures (most frequent):\n");
        for (var f : top) {
            sb.append(String.format(Locale.ROOT, "  %7d  %s: %s%n", f.getValue().getValue(), f.getKey(), f.getValue().getKey()));
        }
    }

    private static String line(String fmt, String name, RunAggregate a, SeriesTotals t) {
        double mean = t.latency().getTotalCount() == 0 ? 0 : Histograms.ms(t.latency().getMean());
        double max = t.latency().getTotalCount() == 0 ? 0 : Histograms.ms(t.latency().getMaxValue());
        return String.format(Locale.ROOT, fmt, name, t.count(), t.errors(), a.rps(t), mean, t.latencyMs(50),
                t.latencyMs(90), t.latencyMs(95), t.latencyMs(99), max);
    }

    private static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * The two kinds of cost, one line each and labelled so neither is read for the other: what the test cost
     * (summary.json {@code cost.testing}) and what the platform will cost its users ({@code cost.production}).
     * Empty when the summary has neither.
     */
    public static String costs(com.fasterxml.jackson.databind.JsonNode summary) {
        var t = summary.path("cost").path("testing");
        var p = summary.path("cost").path("production");
        if (t.isMissingNode()) {
            return "";
        }
        var money = io.carga.core.threshold.Kind.MONEY;
        StringBuilder sb = new StringBuilder();
        sb.append("test cost (the testing budget): ").append(money.format(t.path("total_brl").asDouble(), "R$"))
                .append(" = AI ").append(money.format(t.path("ai_brl").asDouble(), "R$"))
                .append(" + ").append(t.at("/instances/count").asInt()).append(" instance(s) ")
                .append(money.format(t.at("/instances/brl").asDouble(), "R$"))
                .append(" + results storage ").append(money.format(t.at("/storage/brl").asDouble(), "R$")).append('\n');
        if (!p.path("per_user_per_month_brl").isNull()) {
            sb.append("production projection (not the test's cost): ").append(money.format(p.path("per_user_per_month_brl").asDouble(), "R$"))
                    .append(" per user per month = AI ").append(money.format(p.path("ai_per_user_month_brl").asDouble(), "R$"))
                    .append(" + infrastructure ").append(money.format(p.path("infrastructure_per_user_month_brl").asDouble(), "R$"));
            var r = p.path("revenue_ratios");
            sb.append(r.path("status").asText().equals("evaluated")
                    ? String.format(java.util.Locale.ROOT, "; of revenue: infrastructure %.1f %%, AI %.1f %%",
                    100 * r.path("infrastructure_cost_ratio").asDouble(), 100 * r.path("ai_cost_ratio").asDouble())
                    : "; revenue ratios " + r.path("status").asText()).append('\n');
        }
        return sb.toString();
    }
}
