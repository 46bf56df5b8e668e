package io.carga.pgbench.run;

import io.carga.core.config.RunConfig;
import io.carga.core.engine.DrivenRun;
import io.carga.core.event.EventSink;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import java.util.List;

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
