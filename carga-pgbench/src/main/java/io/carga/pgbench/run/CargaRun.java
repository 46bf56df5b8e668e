package io.carga.pgbench.run;

import io.carga.core.config.RunConfig;
import io.carga.core.engine.DrivenRun;
import io.carga.core.event.EventSink;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * carga's side of a {@code carga db} run: the metrics hub every transaction and statement is recorded
 * into, and the outputs (thresholds, the results folder) that receive its interval snapshots through a
 * {@link DrivenRun}, started when the clients start. {@link #stop} may come at any time, even before
 * that (a signal while the clients connect): the clients then stop after their current transaction.
 *
 * <pre>{@code
 * CargaRun carga = new CargaRun(DrivenRun.config("carga db", load), outputs, "db-run", null);
 * Bench.Result r = Bench.run(config, connections, console, carga);
 * }</pre>
 */
public final class CargaRun {
    private final RunConfig config;
    private final MetricsHub hub = new MetricsHub();
    private final List<Output> outputs;
    private final String runId;
    private final EventSink sink;
    private Supplier<List<Output>> practice = List::of;
    private volatile DrivenRun driven;
    private volatile Stop early;

    private record Stop(StopReason reason, String cause) {}

    /** @param also another sink that sees every event too (a caller's own hub), or null */
    public CargaRun(RunConfig config, List<Output> outputs, String runId, EventSink also) {
        this.config = config;
        this.outputs = List.copyOf(outputs);
        this.runId = runId;
        this.sink = also == null ? hub : e -> {
            hub.record(e);
            also.record(e);
        };
    }

    /**
     * Makes, when a rehearsal needs them (never without one), outputs of the kinds the run has, writing where nothing is kept (a scratch folder): the warm-up rehearsal
     * runs them as the run will, on its own measurements and many times a second ({@link #practice}), so that the
     * interval thread's code is compiled before the clock starts. Without them, the JIT compiled the results
     * folder's code (histogram logs, JSON, formatting) during the run: a twentieth of the client's CPU.
     */
    public void practiceOn(Supplier<List<Output>> outputs) {
        practice = outputs;
    }

    /** Interval of the rehearsal's practice run: fifty a second, so that its interval path gets hot quickly. */
    static final Duration PRACTICE_INTERVAL = Duration.ofMillis(20);

    /** Starts the rehearsal's practice run: the run's interval path, on the rehearsal's {@code hub}. */
    DrivenRun practice(MetricsHub hub) {
        return DrivenRun.start(config.withInterval(PRACTICE_INTERVAL), hub, practice.get(), runId + "-rehearsal", () -> { });
    }

    EventSink sink() {
        return sink;
    }

    /** Creates these series before the run (see {@link MetricsHub#declare}). */
    void declare(Iterable<String> names) {
        for (String name : names) hub.declare(name);
    }

    /** Starts the outputs and the interval clock; {@code onStop} ends the clients (it must not block). */
    void start(Runnable onStop) {
        DrivenRun d = DrivenRun.start(config, hub, outputs, runId, onStop);
        driven = d;
        Stop s = early;
        if (s != null) d.stop(s.reason(), s.cause());
    }

    void userStarted() {
        driven.userStarted();
    }

    void userEnded() {
        driven.userEnded();
    }

    /** After the clients ended: the last interval, then the result to every output. */
    RunResult finish() throws InterruptedException {
        return driven.finish();
    }

    /** Stops the run (the clients finish their current transaction); safe from any thread, at any time. */
    public void stop(StopReason reason, String cause) {
        if (early == null) early = new Stop(reason, cause);
        DrivenRun d = driven;
        if (d != null) d.stop(reason, cause);
    }
}
