package io.carga.pgbench.run;

import io.carga.core.metrics.MetricsHub;
import io.carga.pgbench.script.EvalException;
import io.carga.pgbench.script.Prng;
import io.carga.pgbench.script.Value;
import io.carga.pgbench.script.Variables;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prepares a benchmark as pgbench does: seeds the generators in pgbench's order (so a given
 * {@code --random-seed} draws the same numbers), reads the scale, vacuums, and connects every client. The
 * clients then wait at the start line for the engine's clock: the {@link BenchRun} is the run's
 * {@link io.carga.core.engine.Driver}, and prints pgbench's summary followed by carga's percentiles once the
 * engine has ended the run.
 *
 * <pre>{@code
 * try (BenchRun bench = Bench.prepare(config, new ConnectionFactory(url, props), Console.system(), hub)) {
 *     RunResult result = new Engine(runConfig, hub, outputs, runId, bench).run();
 *     bench.report(result.aggregate());
 * }
 * }</pre>
 */
public final class Bench {

    private Bench() {}

    /**
     * Everything before the clock: the clients are connected (or marked aborted) when this returns. Every
     * transaction and statement is recorded into {@code hub}, whose series are declared here, before the JIT
     * compiles the clients' recording (see {@link MetricsHub#declare}).
     */
    public static BenchRun prepare(BenchConfig cfg, ConnectionFactory db, Console out, MetricsHub hub)
            throws SQLException {
        long seed = seed(cfg.randomSeed(), out);
        Prng base = new Prng(seed);
        List<Prng> clientRngs = new ArrayList<>();
        for (int i = 0; i < cfg.clients(); i++) clientRngs.add(new Prng(base.nextLong()));

        Variables template = new Variables();
        for (Map.Entry<String, String> d : cfg.defines().entrySet()) {
            template.putString("option", d.getKey(), d.getValue());
        }
        int scale = cfg.scale() > 0 ? cfg.scale() : 1;
        TableInfo info = null;
        try (Connection con = db.open()) {
            out.out().println("carga db (pgbench-compatible, server " + serverVersion(con) + ")");
            if (cfg.builtinUsed()) {
                info = TableInfo.read(con);
                if (cfg.scale() > 0) {
                    out.warning("scale option ignored, using count from pgbench_branches table (" + info.scale() + ")");
                }
                scale = info.scale();
            }
            if (!cfg.noVacuum()) vacuum(con, cfg.vacuumAll(), out);
        }
        long defaultSeed = base.nextLong();

        RunState run = new RunState(cfg, db, out, hub);
        for (String name : run.seriesNames()) hub.declare(name);
        List<Client> clients = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        List<List<Client>> groupClients = new ArrayList<>();
        long pid = ProcessHandle.current().pid();
        int dealt = 0;
        for (int g = 0; g < cfg.jobs(); g++) {
            int n = (cfg.clients() - dealt + cfg.jobs() - g - 1) / (cfg.jobs() - g);
            Prng choose = new Prng(base.nextLong());
            Prng throttle = new Prng(base.nextLong());
            Prng sample = new Prng(base.nextLong());
            TxLog log = cfg.log()
                    ? new TxLog(TxLog.path(cfg.logDir() == null ? Path.of(".") : cfg.logDir(), cfg.logPrefix(), pid, g),
                            cfg.aggregateSeconds(), cfg.rate() > 0, cfg.latencyLimitMs() > 0)
                    : null;
            Group group = new Group(g, choose, throttle, sample, cfg, log);
            groups.add(group);
            List<Client> members = new ArrayList<>();
            groupClients.add(members);
            for (int k = 0; k < n; k++) {
                int id = dealt + k;
                Variables v = template.copy();
                if (!template.contains("scale")) v.putValue("startup", "scale", Value.of((long) scale));
                if (!template.contains("client_id")) v.putValue("startup", "client_id", Value.of((long) id));
                if (!template.contains("default_seed")) v.putValue("startup", "default_seed", Value.of(defaultSeed));
                if (!template.contains("random_seed")) v.putValue("startup", "random_seed", Value.of(seed));
                Client c = new Client(id, group, run, v, clientRngs.get(id));
                clients.add(c);
                members.add(c);
            }
            dealt += n;
        }
        return new BenchRun(run, clients, groups, groupClients, scale, info);
    }

    /** This process's CPU time (all threads: clients, JIT, GC, outputs), or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** When the last client got its connection (pgbench's initial connection time ends there). */
    static long connectedAt(List<Client> clients, long fallback) {
        long last = 0;
        for (Client c : clients) last = Math.max(last, c.connectedAt);
        return last == 0 ? fallback : last;
    }

    /** pgbench's set_random_seed: "time" (default), "rand" or an unsigned integer. */
    static long seed(String option, Console out) {
        long seed;
        if (option == null || option.equals("time")) {
            seed = System.nanoTime() / 1000;
        } else if (option.equals("rand")) {
            seed = new SecureRandom().nextLong();
        } else {
            try {
                seed = Long.parseUnsignedLong(option);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unrecognized random seed option \"" + option
                        + "\": expecting an unsigned integer, \"time\" or \"rand\"");
            }
        }
        if (option != null) out.info("setting random seed to " + Long.toUnsignedString(seed));
        return seed;
    }

    static void checkDefines(Map<String, String> defines) {
        Variables v = new Variables();
        try {
            defines.forEach((k, val) -> v.putString("option", k, val));
        } catch (EvalException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static String serverVersion(Connection con) throws SQLException {
        try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    private static void vacuum(Connection con, boolean all, Console out) {
        out.err().print("starting vacuum...");
        tryExecute(con, "vacuum pgbench_branches", out);
        tryExecute(con, "vacuum pgbench_tellers", out);
        tryExecute(con, "truncate pgbench_history", out);
        out.err().println("end.");
        if (all) {
            out.err().print("starting vacuum pgbench_accounts...");
            tryExecute(con, "vacuum analyze pgbench_accounts", out);
            out.err().println("end.");
        }
    }

    private static void tryExecute(Connection con, String sql, Console out) {
        try (Statement s = con.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            out.err().println();
            out.error(e.getMessage());
            out.err().println("carga db: detail: (ignoring this error and continuing anyway)");
        }
    }

    /** The JIT compilers' total time so far (ms), or -1 where the JVM cannot tell. */
    static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

}
