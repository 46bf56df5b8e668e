package io.carga.pgbench.run;

import io.carga.core.engine.Driver;
import io.carga.core.metrics.RunAggregate;
import io.carga.pgbench.loop.EventLoop;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A prepared benchmark ({@link Bench#prepare}): its clients connected, waiting at the start line. As the run's
 * {@link Driver} it starts them when the engine's clock starts, stops them after their current transaction when
 * the run is asked to stop (the {@code -T} timer, a threshold, a signal, the maximum duration), and returns
 * once every client ended. {@link #report} then prints pgbench's summary and carga's percentiles.
 *
 * <p>Close it whatever happened: a run that never started releases its waiting clients and their connections.
 */
public final class BenchRun implements Driver, AutoCloseable {
    private final RunState run;
    private final List<Client> clients;
    private final List<Group> groups;
    private final int scale;
    private final TableInfo info;
    private final long preparedAt = System.nanoTime();
    private final CountDownLatch go = new CountDownLatch(1);
    private final List<Thread> threads;
    private volatile Drive drive;
    private boolean driven;
    private long benchStart;
    private long benchEnd;
    private long runCpu = -1;
    private long runJit = -1;

    BenchRun(RunState run, List<Client> clients, List<Group> groups, List<List<Client>> groupClients, int scale, TableInfo info) {
        this.run = run;
        this.clients = clients;
        this.groups = groups;
        this.scale = scale;
        this.info = info;
        Preparation prep = new Preparation(run, clients.size());
        threads = ClientThreads.start(run.config.threads(), groupClients, prep, go, c -> {
            Drive d = drive;
            if (d != null) d.userEnded();
        }, run::error);
        ClientThreads.await(prep.connected);
    }

    @Override
    public void drive(Drive d) {
        driven = true;
        d.onStop(() -> run.timerExceeded = true);
        benchStart = System.nanoTime();
        long benchStartMicros = benchStart / 1000;
        for (Group g : groups) {
            g.start(benchStartMicros);
            if (g.log != null) g.log.start(benchStartMicros + run.epochShiftMicros);
        }
        BenchConfig cfg = run.config;
        if (cfg.durationSeconds() > 0) run.endNanos = benchStart + cfg.durationSeconds() * 1_000_000_000L;
        long cpuStart = Bench.processCpuNanos();
        long jitStart = Bench.jitMillis();
        drive = d;
        for (int i = 0; i < clients.size(); i++) d.userStarted();
        go.countDown();
        Thread timer = null;
        if (cfg.durationSeconds() > 0) {
            timer = Thread.ofPlatform().daemon().name("carga-db-timer").start(() -> {
                Client.parkUntil(run.endNanos);
                run.timerExceeded = true;
            });
        }
        Progress progress = cfg.progressSeconds() > 0 ? Progress.start(cfg, clients, benchStart, run.out) : null;
        joinAll();
        benchEnd = System.nanoTime();
        runCpu = cpuStart < 0 ? -1 : Bench.processCpuNanos() - cpuStart;
        runJit = jitStart < 0 ? -1 : Bench.jitMillis() - jitStart;
        if (progress != null) progress.stop();
        if (timer != null) timer.interrupt();
        for (Group g : groups) if (g.log != null) g.log.close();
    }

    /** The clients' threading and whether continuations were there to choose from, for run.json. */
    @Override
    public Map<String, String> describe() {
        return run.config.threads().describe(EventLoop.available());
    }

    /**
     * After the engine ended the run: pgbench's summary, then carga's percentiles from {@code measured} (the run's
     * aggregate), and pgbench's line when a client aborted.
     */
    public void report(RunAggregate measured) {
        new ResultPrinter(run.config, run, clients, scale, info, run.out.out(), measured)
                .print(benchEnd - benchStart, Bench.connectedAt(clients, benchStart) - preparedAt, runCpu, runJit);
        if (aborted()) run.out.error("Run was aborted; the above results are incomplete.");
    }

    /** Whether a client aborted (pgbench then exits 2; carga with its own code for it). */
    public boolean aborted() {
        return clients.stream().anyMatch(c -> !c.finished);
    }

    /** Releases the clients if the run never started them; a no-op after {@link #drive}. */
    @Override
    public void close() {
        if (driven) return;
        run.timerExceeded = true;
        go.countDown();
        joinAll();
    }

    private void joinAll() {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
