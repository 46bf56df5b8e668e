package io.carga.observe;

import io.carga.core.output.Output;
import io.carga.observe.metrics.Judgements;
import io.carga.observe.metrics.LiveMetrics;
import io.carga.observe.metrics.SeriesRoles;
import io.carga.observe.server.Listen;
import io.carga.observe.remote.RemoteWrite;
import io.carga.observe.server.LiveServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's live plane: the server and carga's metric families behind it. Opened before the first
 * run (a bad address is a usage error found before anything runs), fed by one output per run, and closed
 * after the last, once it lingered so that a scraper took the final interval.
 *
 * <pre>{@code
 * try (LivePlane plane = LivePlane.open(Listen.parse("9100", null, null), 200, System.out)) {
 *     outputs.addAll(plane.forRun("", SeriesRoles.REQUESTS, Judgements.NONE));
 *     engine.run();
 * } // lingers, then stops
 * }</pre>
 */
public final class LivePlane implements AutoCloseable {
    private final LiveMetrics metrics;
    private final LiveServer server;
    private final Duration linger;
    private final PrintStream out;
    private String remoteWrite;
    private final java.util.Map<Class<?>, Object> attached = new java.util.concurrent.ConcurrentHashMap<>();

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
        return open(listen, null, requestNameCap, out);
    }

    /**
     * @param listen      where to serve, or null to serve nothing (remote write only)
     * @param remoteWrite a remote-write receiver's URL to push every interval to, or null
     */
    public static LivePlane open(Listen listen, String remoteWrite, int requestNameCap, PrintStream out) {
        LiveMetrics metrics = new LiveMetrics(requestNameCap);
        if (remoteWrite != null) {
            new RemoteWrite(remoteWrite, metrics.registry(), "check", out); // a bad URL is refused before anything runs
        }
        LiveServer server = null;
        if (listen != null) {
            server = LiveServer.start(listen, metrics.registry());
            out.println("live: metrics " + server.metricsUrl() + (listen.token() == null ? "" : " (token required)"));
        }
        if (remoteWrite != null) {
            out.println("live: pushing every interval to " + remoteWrite);
        }
        LivePlane plane = new LivePlane(metrics, server, listen == null ? Duration.ZERO : listen.linger(), out);
        plane.remoteWrite = remoteWrite;
        return plane;
    }

    /** The outputs that feed the metrics (and push them, with remote write) during one run. */
    public List<Output> forRun(String stage, SeriesRoles roles, Judgements judged) {
        List<Output> outputs = new ArrayList<>();
        outputs.add(metrics.forRun(stage == null ? "" : stage, roles, judged));
        if (remoteWrite != null) {
            outputs.add(new RemoteWrite(remoteWrite, metrics.registry(), instance(), out));
        }
        return outputs;
    }

    /** The {@code instance} label of pushed series: this host and process, as a scrape target would be named. */
    private static String instance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /**
     * A companion that serves more on this plane's server (the web UI), made on first use and kept for the
     * plane's life, so that a pipeline's stages all show on the same page.
     */
    public <T> T attached(Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(attached.computeIfAbsent(type, t -> make.get()));
    }

    /** The server, or null when the plane only pushes. */
    public LiveServer server() {
        return server;
    }

    /** The {@code /metrics} URL, or null when nothing is served. */
    public String metricsUrl() {
        return server == null ? null : server.metricsUrl();
    }

    /** Waits out the linger (the last interval stays served), then stops the server. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
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
