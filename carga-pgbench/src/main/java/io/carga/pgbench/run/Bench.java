package io.carga.pgbench.run;

import io.carga.core.output.RunResult;
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
import java.util.concurrent.CountDownLatch;

/**
 * Runs a benchmark as pgbench does: seeds the generators in pgbench's order (so a given
 * {@code --random-seed} draws the same numbers), reads the scale, vacuums, connects every client,
 * starts them together, reports progress, and prints pgbench's summary followed by carga's
 * percentiles.
 *
 * <pre>{@code
 * int exit = Bench.run(config, new ConnectionFactory(url, props), Console.system(), carga).exit();
 * }</pre>
 */
public final class Bench {

    /** Exit status when a client aborted (pgbench's too). */
    public static final int EXIT_ABORTED = 2;

    private Bench() {}

    /**
     * How a run ended: the exit status (0, or {@link #EXIT_ABORTED}) and what carga measured.
     *
     * @param carga how carga's run ended (why it stopped, the whole run's statistics)
     */
    public record Result(int exit, RunResult carga) {}

    /**
     * Runs the benchmark; {@code carga} records one event per transaction and statement and runs its
     * outputs from the moment the clients start until they all ended.
     */
    public static Result run(BenchConfig cfg, ConnectionFactory db, Console out, CargaRun carga)
            throws SQLException, InterruptedException {
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

        RunState run = new RunState(cfg, db, out, carga.sink());
        carga.declare(run.seriesNames()); // before the JIT compiles the clients' recording, see MetricsHub.declare
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

        long startTime = System.nanoTime();
        CountDownLatch go = new CountDownLatch(1);
        int warmUpEach = cfg.connect() || cfg.warmUp() <= 0 ? 0 : (cfg.warmUp() + clients.size() - 1) / clients.size();
        // --debug prints every statement and pgbench's conformance compares those lines: no rehearsal then
        Rehearsal rehearsal = warmUpEach > 0 && run.debug == null ? new Rehearsal(cfg, db, carga) : null;
        if (warmUpEach > 0) out.err().println("warming up (" + warmUpEach * clients.size() + " SELECT 1 statements"
                + (rehearsal != null ? ", then the scripts, read-only, until the JIT is idle, at most "
                        + Rehearsal.MAX_MILLIS / 1000 + " s" : "")
                + ")...");
        Preparation prep = new Preparation(run, clients.size(), warmUpEach, rehearsal);
        List<Thread> threads = ClientThreads.start(cfg.threads(), groupClients, prep, go, c -> carga.userEnded(), run::error);
        if (rehearsal != null) {
            ClientThreads.await(prep.warmedUp);
            rehearsal.direct();
        }
        ClientThreads.await(prep.connected);
        if (warmUpEach > 0) JitSettle.await();
        carga.start(() -> run.timerExceeded = true);
        long benchStart = System.nanoTime();
        long benchStartMicros = benchStart / 1000;
        for (Group g : groups) {
            g.start(benchStartMicros);
            if (g.log != null) g.log.start(benchStartMicros + run.epochShiftMicros);
        }
        if (cfg.durationSeconds() > 0) run.endNanos = benchStart + cfg.durationSeconds() * 1_000_000_000L;
        long cpuStart = processCpuNanos();
        long jitStart = JitSettle.compiledMillis();
        for (int i = 0; i < clients.size(); i++) carga.userStarted();
        go.countDown();
        Thread timer = null;
        if (cfg.durationSeconds() > 0) {
            timer = Thread.ofPlatform().daemon().name("carga-db-timer").start(() -> {
                Client.parkUntil(run.endNanos);
                run.timerExceeded = true;
            });
        }
        Progress progress = cfg.progressSeconds() > 0 ? Progress.start(cfg, clients, benchStart, out) : null;
        for (Thread t : threads) join(t);
        long endTime = System.nanoTime();
        long runCpu = processCpuNanos() - cpuStart;
        long runJit = jitStart < 0 ? -1 : JitSettle.compiledMillis() - jitStart;
        if (progress != null) progress.stop();
        if (timer != null) timer.interrupt();
        for (Group g : groups) if (g.log != null) g.log.close();
        RunResult measured = carga.finish();

        boolean aborted = clients.stream().anyMatch(c -> !c.finished);
        new ResultPrinter(cfg, run, clients, scale, info, out.out(), measured.aggregate())
                .print(endTime - benchStart, connectedAt(clients, benchStart) - startTime, runCpu, runJit);
        Result result = new Result(aborted ? EXIT_ABORTED : 0, measured);
        if (aborted) out.error("Run was aborted; the above results are incomplete.");
        return result;
    }

    /** This process's CPU time (all threads: clients, JIT, GC, outputs), or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** When the last client got its connection (pgbench's initial connection time ends there). */
    private static long connectedAt(List<Client> clients, long fallback) {
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

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
