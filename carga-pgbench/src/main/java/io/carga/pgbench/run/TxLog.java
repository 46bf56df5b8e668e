package io.carga.pgbench.run;

import io.carga.pgbench.script.CFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code -l} transaction log in pgbench's format, one file per group
 * ({@code prefix.pid} for the first, {@code prefix.pid.N} for the others).
 *
 * <pre>
 * per transaction:  client_id transaction_no time script_no time_epoch time_us [schedule_lag]
 *                   (time is "skipped" or "failed" for those)
 * aggregated:       interval_start num_transactions sum_latency sum_latency_2 min_latency max_latency
 *                   sum_lag sum_lag_2 min_lag max_lag skipped retried retries serialization_failures
 *                   deadlock_failures
 * </pre>
 *
 * All times in microseconds. Calls come from several virtual threads, so methods synchronize.
 */
final class TxLog implements AutoCloseable {
    private final BufferedWriter out;
    private final long aggregateMicros;
    private final boolean throttled;
    private final boolean latencyLimited;
    private StatsData agg;

    TxLog(Path file, int aggregateSeconds, boolean throttled, boolean latencyLimited) {
        try {
            this.out = Files.newBufferedWriter(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open logfile \"" + file + "\": " + e.getMessage(), e);
        }
        this.aggregateMicros = aggregateSeconds * 1_000_000L;
        this.throttled = throttled;
        this.latencyLimited = latencyLimited;
    }

    static Path path(Path dir, String prefix, long pid, int group) {
        String p = prefix == null ? "pgbench_log" : prefix;
        return dir.resolve(group == 0 ? p + "." + pid : p + "." + pid + "." + group);
    }

    /** Starts aggregation at the whole second at or before {@code startEpochMicros}. */
    synchronized void start(long startEpochMicros) {
        agg = new StatsData(startEpochMicros / 1_000_000 * 1_000_000);
    }

    synchronized void transaction(int client, long cnt, boolean skipped, StatsData.Failure failure,
                                  double latency, double lag, int script, long nowEpochMicros) {
        try {
            if (aggregateMicros > 0) {
                flushIntervals(nowEpochMicros);
                agg.accum(skipped, latency, lag, failure, throttled);
                return;
            }
            StringBuilder sb = new StringBuilder(64).append(client).append(' ').append(cnt).append(' ');
            if (skipped) sb.append("skipped");
            else if (failure != StatsData.Failure.NONE) sb.append("failed");
            else sb.append(CFormat.fixed(latency, 0));
            sb.append(' ').append(script).append(' ').append(nowEpochMicros / 1_000_000)
                    .append(' ').append(nowEpochMicros % 1_000_000);
            if (throttled) sb.append(' ').append(CFormat.fixed(lag, 0));
            out.append(sb).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flushIntervals(long now) throws IOException {
        long next;
        while ((next = agg.startTime + aggregateMicros) <= now) {
            StringBuilder sb = new StringBuilder(96);
            sb.append(agg.startTime / 1_000_000).append(' ').append(agg.cnt)
                    .append(' ').append(CFormat.fixed(agg.latency.sum, 0))
                    .append(' ').append(CFormat.fixed(agg.latency.sum2, 0))
                    .append(' ').append(CFormat.fixed(agg.latency.min, 0))
                    .append(' ').append(CFormat.fixed(agg.latency.max, 0));
            SimpleStats lag = throttled ? agg.lag : new SimpleStats();
            sb.append(' ').append(CFormat.fixed(lag.sum, 0)).append(' ').append(CFormat.fixed(lag.sum2, 0))
                    .append(' ').append(CFormat.fixed(lag.min, 0)).append(' ').append(CFormat.fixed(lag.max, 0));
            sb.append(' ').append(latencyLimited ? agg.skipped : 0);
            sb.append(" 0 0 0 0"); // retried, retries (max tries is 1), failures by kind (not detailed)
            out.append(sb).append('\n');
            agg.reset(next);
        }
    }

    /** Writes the completed intervals (the current, partial one is dropped, as pgbench does) and closes. */
    @Override
    public synchronized void close() {
        try {
            if (aggregateMicros > 0 && agg != null) flushIntervals(System.currentTimeMillis() * 1000);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
