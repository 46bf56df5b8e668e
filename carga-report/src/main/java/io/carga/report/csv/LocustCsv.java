package io.carga.report.csv;

import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.html.SeriesTimeline;
import io.carga.report.results.Percentiles;
import io.carga.report.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code stats.csv} and {@code stats_history.csv} with Locust's columns, so a Locust user's scripts and
 * spreadsheets keep working. Times are milliseconds. "Type" is the HTTP method when the name starts with
 * one ({@code GET /users} → GET, /users), else the empty string and the whole name; the last row of each
 * group is "Aggregated". stats.csv's percentiles are exact, from the whole run's histograms. History
 * rows are one per timeline bucket (one interval for runs up to {@link SeriesTimeline#MAX_POINTS}
 * intervals); a bucket of one interval has its exact percentiles, a longer one their average (see
 * {@link SeriesTimeline}).
 */
public final class LocustCsv {
    public static final String STATS = "stats.csv";
    public static final String HISTORY = "stats_history.csv";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT");
    private static final String PCT_HEADER = "\"50%\",\"66%\",\"75%\",\"80%\",\"90%\",\"95%\",\"98%\",\"99%\",\"99.9%\",\"99.99%\",\"100%\"";

    private LocustCsv() {
    }

    public static void write(Path dir, RunAggregate a, SeriesTimeline timeline) throws IOException {
        ResultsFiles.writeAtomically(dir.resolve(STATS), stats(a));
        ResultsFiles.writeAtomically(dir.resolve(HISTORY), history(timeline));
    }

    public static String stats(RunAggregate a) {
        StringBuilder sb = new StringBuilder();
        sb.append("\"Type\",\"Name\",\"Request Count\",\"Failure Count\",\"Median Response Time\",\"Average Response Time\","
                + "\"Min Response Time\",\"Max Response Time\",\"Average Content Size\",\"Requests/s\",\"Failures/s\",")
                .append(PCT_HEADER).append('\n');
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            String[] tn = typeAndName(e.getKey().label());
            statsRow(sb, tn[0], tn[1], a, e.getValue());
        }
        statsRow(sb, "", "Aggregated", a, a.total());
        return sb.toString();
    }

    private static void statsRow(StringBuilder sb, String type, String name, RunAggregate a, SeriesTotals t) {
        boolean empty = t.latency().getTotalCount() == 0;
        long[] p = Percentiles.of(t.latency(), Percentiles.LOCUST);
        double seconds = a.durationSeconds();
        sb.append(quote(type)).append(',').append(quote(name)).append(',').append(t.count()).append(',').append(t.errors())
                .append(',').append(num(empty ? 0 : Histograms.ms(t.latency().getValueAtPercentile(50))))
                .append(',').append(num(empty ? 0 : Histograms.ms(t.latency().getMean())))
                .append(',').append(num(empty ? 0 : Histograms.ms(t.latency().getMinValue())))
                .append(',').append(num(empty ? 0 : Histograms.ms(t.latency().getMaxValue())))
                .append(',').append(num(t.count() == 0 ? 0 : (double) t.bytesIn() / t.count()))
                .append(',').append(num(seconds <= 0 ? 0 : t.count() / seconds))
                .append(',').append(num(seconds <= 0 ? 0 : t.errors() / seconds));
        for (long v : p) {
            sb.append(',').append(empty ? "N/A" : num(Histograms.ms(v)));
        }
        sb.append('\n');
    }

    public static String history(SeriesTimeline timeline) {
        StringBuilder sb = new StringBuilder();
        sb.append("\"Timestamp\",\"User Count\",\"Type\",\"Name\",\"Requests/s\",\"Failures/s\",").append(PCT_HEADER)
                .append(",\"Total Request Count\",\"Total Failure Count\",\"Total Median Response Time\",\"Total Average Response Time\","
                        + "\"Total Min Response Time\",\"Total Max Response Time\",\"Total Average Content Size\"\n");
        for (SeriesTimeline.Bucket b : timeline.buckets()) {
            long ts = b.epochMs() / 1000;
            b.cells().forEach((label, c) -> {
                if (!label.equals("Aggregated")) {
                    String[] tn = typeAndName(label);
                    historyRow(sb, ts, b, tn[0], tn[1], c);
                }
            });
            SeriesTimeline.Cell all = b.cells().get("Aggregated");
            if (all != null) {
                historyRow(sb, ts, b, "", "Aggregated", all);
            }
        }
        return sb.toString();
    }

    private static void historyRow(StringBuilder sb, long ts, SeriesTimeline.Bucket b, String type, String name, SeriesTimeline.Cell c) {
        sb.append(ts).append(',').append(b.users()).append(',').append(quote(type)).append(',').append(quote(name))
                .append(',').append(num(c.count() / b.seconds())).append(',').append(num(c.errors() / b.seconds()));
        for (double v : c.pcts()) {
            sb.append(',').append(num(v));
        }
        SeriesTimeline.Totals t = c.totals();
        sb.append(',').append(t.count()).append(',').append(t.errors()).append(',').append(num(t.medianMs()))
                .append(',').append(num(t.meanMs())).append(',').append(num(t.minMs())).append(',').append(num(t.maxMs()))
                .append(',').append(num(t.avgBytes())).append('\n');
    }

    static String[] typeAndName(String label) {
        int space = label.indexOf(' ');
        if (space > 0 && METHODS.contains(label.substring(0, space))) {
            return new String[] {label.substring(0, space), label.substring(space + 1)};
        }
        return new String[] {"", label};
    }

    static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
