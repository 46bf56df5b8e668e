package io.carga.pgbench.run;

import io.carga.pgbench.script.Script;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a benchmark run needs, with pgbench's meaning. Built by {@code DbCommand} (or a test);
 * defaults live there, where the options are declared.
 *
 * @param scripts          parsed scripts with their weights (-f, -b)
 * @param clients          -c
 * @param jobs             -j (capped at clients): groups of clients sharing a rate schedule and a log file
 * @param transactions     -t, per client; 0 when running for a duration
 * @param durationSeconds  -T; 0 when running a number of transactions
 * @param progressSeconds  -P; 0 for none
 * @param perCommand       -r
 * @param noVacuum         -n
 * @param vacuumAll        -v
 * @param rate             -R in transactions per second; 0 for as fast as possible
 * @param latencyLimitMs   -L / --latency-limit; 0 for none
 * @param mode             -M
 * @param defines          -D name=value, in order
 * @param randomSeed       --random-seed: "time", "rand" or an unsigned integer; null is "time"
 * @param log              -l
 * @param aggregateSeconds --aggregate-interval; 0 for one line per transaction
 * @param samplingRate     --sampling-rate; 0 for every transaction
 * @param logPrefix        --log-prefix; null for "pgbench_log"
 * @param logDir           where log files go (the working directory for the CLI)
 * @param scale            -s as given, or 0
 * @param builtinUsed      whether a builtin script runs (then the scale is read from pgbench_branches)
 * @param debug            --debug
 * @param connect          -C: a new connection for each transaction
 * @param threads          what runs the clients ({@link Threading#choose})
 */
public record BenchConfig(List<Script> scripts, int clients, int jobs, int transactions, int durationSeconds,
                          int progressSeconds, boolean perCommand, boolean noVacuum, boolean vacuumAll,
                          double rate, double latencyLimitMs, QueryMode mode, Map<String, String> defines,
                          String randomSeed, boolean log, int aggregateSeconds, double samplingRate,
                          String logPrefix, Path logDir, int scale, boolean builtinUsed, boolean debug,
                          boolean connect, Threading threads) {

    public BenchConfig {
        scripts = List.copyOf(scripts);
        defines = Map.copyOf(new java.util.LinkedHashMap<>(defines));
        jobs = Math.min(jobs, clients);
    }

    /**
     * The warm-up's ({@code carga db --warmup}): the same load for {@code seconds}, unrecorded, so nothing of it
     * is printed, logged or vacuumed for; the run after it vacuums as pgbench does.
     */
    public BenchConfig warmUp(int seconds) {
        return new BenchConfig(scripts, clients, jobs, 0, seconds, 0, false, true, false, rate, latencyLimitMs, mode, defines,
                randomSeed, false, 0, 0, null, logDir, scale, builtinUsed, false, connect, threads);
    }

    /** The series the run's SQL statements report under ({@code SCRIPT:LINE}), as {@link RunState} names them. */
    public List<String> statementSeries() {
        List<String> names = new java.util.ArrayList<>();
        for (Script s : scripts) {
            for (io.carga.pgbench.script.Command c : s.commands()) {
                if (c instanceof io.carga.pgbench.script.Command.Sql) names.add(s.desc() + ":" + c.line());
            }
        }
        return names;
    }

    /** pgbench's throttle_delay: mean microseconds between transactions of one job. */
    double throttleDelayMicros() {
        return rate > 0 ? 1_000_000.0 / rate * jobs : 0;
    }

    long latencyLimitMicros() {
        return (long) (latencyLimitMs * 1000);
    }

    int totalWeight() {
        int w = 0;
        for (Script s : scripts) w += s.weight();
        return w;
    }
}
