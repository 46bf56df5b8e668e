package io.carga.pgbench.run;

import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.Script;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Prints the end report: first exactly pgbench's lines (so {@code grep "tps = "} keeps working),
 * then carga's percentiles per script and per statement.
 */
final class ResultPrinter {
    private final BenchConfig cfg;
    private final RunState run;
    private final List<Client> clients;
    private final int scale;
    private final TableInfo info;
    private final PrintStream out;
    private final RunAggregate measured;

    ResultPrinter(BenchConfig cfg, RunState run, List<Client> clients, int scale, TableInfo info, PrintStream out,
                  RunAggregate measured) {
        this.measured = measured;
        this.cfg = cfg;
        this.run = run;
        this.clients = clients;
        this.scale = scale;
        this.info = info;
        this.out = out;
    }

    private void p(String fmt, Object... args) {
        out.print(String.format(Locale.ROOT, fmt, args));
    }

    /**
     * @param runCpuNanos this process's CPU time from the clients' start to their end (negative: unknown)
     * @param runJitMillis the JIT compilers' time in the same span (negative: unknown)
     */
    void print(long durationNanos, long connElapsedNanos, long runCpuNanos, long runJitMillis) {
        List<Script> scripts = cfg.scripts();
        StatsData total = new StatsData(0);
        long late = 0, connTotal = 0;
        for (Client c : clients) {
            total.merge(c.stats);
            late += c.latencyLate;
            connTotal += c.connectNanos;
        }
        long failures = total.failures();
        long totalCnt = total.cnt + total.skipped + failures;
        double benchSeconds = durationNanos / 1e9;
        double tps = total.cnt / benchSeconds;
        boolean perScript = scripts.size() > 1;

        p("transaction type: %s%n", scripts.size() == 1 ? scripts.get(0).desc() : "multiple scripts");
        p("scaling factor: %d%n", scale);
        if (info != null && info.partitionMethod() != null) {
            p("partition method: %s%npartitions: %d%n", info.partitionMethod(), info.partitions());
        }
        p("query mode: %s%n", cfg.mode().pgbenchName());
        p("number of clients: %d%n", cfg.clients());
        p("number of threads: %d%n", cfg.jobs());
        p("maximum number of tries: 1%n");
        if (cfg.durationSeconds() <= 0) {
            p("number of transactions per client: %d%n", cfg.transactions());
            p("number of transactions actually processed: %d/%d%n", total.cnt, (long) cfg.transactions() * cfg.clients());
        } else {
            p("duration: %d s%n", cfg.durationSeconds());
            p("number of transactions actually processed: %d%n", total.cnt);
        }
        if (totalCnt <= 0) return;
        p("number of failed transactions: %d (%.3f%%)%n", failures, 100.0 * failures / totalCnt);
        boolean throttled = cfg.rate() > 0, limited = cfg.latencyLimitMs() > 0;
        if (throttled && limited) {
            p("number of transactions skipped: %d (%.3f%%)%n", total.skipped, 100.0 * total.skipped / totalCnt);
        }
        if (limited) {
            p("number of transactions above the %.1f ms latency limit: %d/%d (%.3f%%)%n", cfg.latencyLimitMs(), late,
                    total.cnt, total.cnt > 0 ? 100.0 * late / total.cnt : 0.0);
        }
        if (throttled || cfg.progressSeconds() > 0 || limited) {
            simpleStats("latency", total.latency);
        } else {
            p("latency average = %.3f ms%s%n", 0.001 * (durationNanos / 1000.0) * cfg.clients() / totalCnt,
                    failures > 0 ? " (including failures)" : "");
        }
        if (throttled) {
            p("rate limit schedule lag: avg %.3f (max %.3f) ms%n", 0.001 * total.lag.sum / total.cnt, 0.001 * total.lag.max);
        }
        if (cfg.connect()) {
            p("average connection time = %.3f ms%n", 0.000001 * connTotal / (total.cnt + failures));
            p("tps = %f (including reconnection times)%n", tps);
        } else {
            p("initial connection time = %.3f ms%n", connElapsedNanos / 1e6);
            p("tps = %f (without initial connection time)%n", tps);
        }
        if (perScript || cfg.perCommand()) {
            int totalWeight = cfg.totalWeight();
            for (int i = 0; i < scripts.size(); i++) {
                StatsData ss = new StatsData(0);
                for (Client c : clients) ss.merge(c.scriptStats[i]);
                if (perScript) {
                    long sf = ss.failures();
                    long stc = ss.cnt + ss.skipped + sf;
                    p("SQL script %d: %s%n", i + 1, scripts.get(i).desc());
                    p(" - weight: %d (targets %.1f%% of total)%n", scripts.get(i).weight(),
                            100.0 * scripts.get(i).weight() / totalWeight);
                    p(" - %d transactions (%.1f%% of total, tps = %f)%n", stc, 100.0 * stc / totalCnt, ss.cnt / benchSeconds);
                    if (stc > 0) {
                        p(" - number of failed transactions: %d (%.3f%%)%n", sf, 100.0 * sf / stc);
                        if (throttled && limited) {
                            p(" - number of transactions skipped: %d (%.3f%%)%n", ss.skipped, 100.0 * ss.skipped / stc);
                        }
                    }
                    simpleStats(" - latency", ss.latency);
                }
                if (cfg.perCommand()) {
                    p("%sstatement latencies in milliseconds and failures:%n", perScript ? " - " : "");
                    Command[] cmds = run.scripts[i];
                    for (int j = 0; j < cmds.length; j++) {
                        SimpleStats cs = new SimpleStats();
                        for (Client c : clients) cs.merge(c.commandStats[i][j]);
                        p("   %11.3f  %10d  %s%n", cs.count > 0 ? 0.001 * cs.sum / cs.count : 0.0, 0, cmds[j].firstLine());
                    }
                }
            }
        }
        percentiles();
        if (runCpuNanos >= 0 && total.cnt > 0) {
            // The client's own cost, next to the server's work: on a shared machine it is taken from the server.
            p("carga: client CPU during the run: %.2f s, %.1f us per transaction (JVM start, connections and warm-up excluded%s)%n",
                    runCpuNanos / 1e9, runCpuNanos / 1e3 / total.cnt,
                    runJitMillis < 0 ? "" : String.format(Locale.ROOT, "; the JIT compiled for %.2f s of it", runJitMillis / 1e3));
        }
    }

    private void simpleStats(String prefix, SimpleStats ss) {
        if (ss.count > 0) {
            p("%s average = %.3f ms%n", prefix, 0.001 * ss.average());
            p("%s stddev = %.3f ms%n", prefix, 0.001 * ss.stddev());
        }
    }

    /**
     * carga's addition: HdrHistogram percentiles per script and per SQL statement, from the run's metrics
     * (every finished transaction and statement, failed ones too, as carga's thresholds see them).
     */
    private void percentiles() {
        p("%ncarga: latency percentiles in milliseconds%s%n", cfg.rate() > 0 ? " (transactions from their schedule)" : "");
        p("%10s %9s %9s %9s %9s %9s  %s%n", "count", "p50", "p90", "p95", "p99", "max", "script / statement");
        List<Script> scripts = cfg.scripts();
        for (int i = 0; i < scripts.size(); i++) {
            row(latency(run.scriptName(i)), scripts.get(i).desc());
            Command[] cmds = run.scripts[i];
            for (int j = 0; j < cmds.length; j++) {
                if (cmds[j] instanceof Command.Sql sql) {
                    row(latency(run.statementName(i, j)), "  " + run.statementName(i, j) + "  " + sql.firstLine());
                }
            }
        }
    }

    private Histogram latency(String series) {
        SeriesTotals t = measured.requests().get(SeriesKey.of(series));
        return t == null ? EMPTY : t.latency();
    }

    private static final Histogram EMPTY = new Histogram(3);

    private void row(Histogram h, String name) {
        if (h.getTotalCount() == 0) {
            p("%10d %9s %9s %9s %9s %9s  %s%n", 0, "-", "-", "-", "-", "-", name);
            return;
        }
        p("%10d %9.3f %9.3f %9.3f %9.3f %9.3f  %s%n", h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, name);
    }
}
