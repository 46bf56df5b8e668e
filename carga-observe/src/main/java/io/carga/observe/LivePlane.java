package io.carga.observe;

import io.carga.core.output.Output;
import io.carga.observe.metrics.Judgements;
import io.carga.observe.metrics.LiveMetrics;
import io.carga.observe.metrics.SeriesRoles;
import io.carga.observe.server.Listen;
import io.carga.observe.server.LiveServer;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A process's live plane: the server and carga's metric families behind it. Opened before the first
 * run (a bad address is a usage error found before anything runs), fed by one output per run, and closed
 * after the last, once it lingered so that a scraper took the final interval.
 *
 * <pre>{@code
 * try (LivePlane plane = LivePlane.open(Listen.parse("9100", null, null), 200, System.out)) {
 *     outputs.add(plane.forRun("", SeriesRoles.REQUESTS, Judgements.NONE));
 *     engine.run();
 * } // lingers, then stops
 * }</pre>
 */
public final class LivePlane implements AutoCloseable {
    private final LiveMetrics metrics;
    private final LiveServer server;
    private final Duration linger;
    private final PrintStream out;

    private LivePlane(LiveMetrics metrics, LiveServer server, Duration linger, PrintStream out) {
        this.metrics = metrics;
        this.server = server;
        this.linger = linger;
        this.out = out;
    }

    /**
     * Starts the server and prints its URL.
     *
     * @param requestNameCap most distinct {@code request} label values; the rest go under {@code other}
     * @throws IllegalArgumentException one line for the user (cannot bind, no token for a public address)
     */
    public static LivePlane open(Listen listen, int requestNameCap, PrintStream out) {
        LiveMetrics metrics = new LiveMetrics(requestNameCap);
        LiveServer server = LiveServer.start(listen, metrics.registry());
        out.println("live: metrics " + server.metricsUrl() + (listen.token() == null ? "" : " (token required)"));
        return new LivePlane(metrics, server, listen.linger(), out);
    }

    /** The output that feeds the metrics during one run. */
    public Output forRun(String stage, SeriesRoles roles, Judgements judged) {
        return metrics.forRun(stage == null ? "" : stage, roles, judged);
    }

    public LiveServer server() {
        return server;
    }

    public String metricsUrl() {
        return server.metricsUrl();
    }

    /** Waits out the linger (the last interval stays served), then stops the server. */
    @Override
    public void close() {
        try {
            if (!linger.isZero()) {
                out.println("live: serving the final figures for " + linger.toSeconds() + " s more at " + server.metricsUrl());
                Thread.sleep(linger.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }
}
