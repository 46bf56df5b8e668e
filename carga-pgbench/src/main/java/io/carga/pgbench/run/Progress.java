package io.carga.pgbench.run;

import java.util.List;

/** The {@code -P} report: every N seconds, tps and latency of the last interval, on stderr. */
final class Progress {
    private final Thread thread;

    private Progress(Thread thread) {
        this.thread = thread;
    }

    static Progress start(BenchConfig cfg, List<Client> clients, long benchStart, Console out) {
        long period = cfg.progressSeconds() * 1_000_000_000L;
        Thread t = Thread.ofPlatform().daemon().name("carga-db-progress").start(() -> {
            StatsData last = new StatsData(0);
            long lastReport = benchStart;
            for (long next = benchStart + period; ; next += period) {
                Client.parkUntil(next);
                if (Thread.currentThread().isInterrupted()) return;
                long now = System.nanoTime();
                StatsData cur = new StatsData(0);
                for (Client c : clients) cur.merge(c.stats); // racy reads, as pgbench's
                out.err().println(line(cfg, cur, last, now - lastReport, now - benchStart));
                last = cur;
                lastReport = now;
            }
        });
        return new Progress(t);
    }

    static String line(BenchConfig cfg, StatsData cur, StatsData last, long runNanos, long totalNanos) {
        long cnt = cur.cnt - last.cnt;
        double tps = 1e9 * cnt / runNanos;
        double latency = 0, stdev = 0, lag = 0;
        if (cnt > 0) {
            latency = 0.001 * (cur.latency.sum - last.latency.sum) / cnt;
            double sqlat = (cur.latency.sum2 - last.latency.sum2) / cnt;
            stdev = 0.001 * Math.sqrt(Math.max(0, sqlat - 1_000_000.0 * latency * latency));
            lag = 0.001 * (cur.lag.sum - last.lag.sum) / cnt;
        }
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "progress: %.1f s, %.1f tps, lat %.3f ms stddev %.3f, %d failed",
                totalNanos / 1e9, tps, latency, stdev, cur.failures() - last.failures()));
        if (cfg.rate() > 0) {
            sb.append(String.format(java.util.Locale.ROOT, ", lag %.3f ms", lag));
            if (cfg.latencyLimitMs() > 0) sb.append(", ").append(cur.skipped - last.skipped).append(" skipped");
        }
        return sb.toString();
    }

    void stop() {
        thread.interrupt();
    }
}
