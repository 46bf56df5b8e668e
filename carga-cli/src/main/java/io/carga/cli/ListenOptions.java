package io.carga.cli;

import io.carga.core.load.Durations;
import io.carga.observe.LivePlane;
import io.carga.observe.metrics.RequestNames;
import io.carga.observe.server.Listen;
import io.carga.ui.LiveUi;
import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --listen} and its companions: the live plane's server, on every command that runs load. */
public final class ListenOptions {
    @Option(names = "--listen", paramLabel = "[HOST:]PORT", description = {"Serve the run live: /metrics for Prometheus.",
            "Host 127.0.0.1 unless given; port 0 picks a free one. Any other address needs --listen-token."})
    String listen;

    @Option(names = "--listen-token", paramLabel = "TOKEN", description = {"Every request to the live server must carry",
            "'Authorization: Bearer TOKEN' (default: $" + Listen.TOKEN_ENV + ")."})
    String token;

    @Option(names = "--linger", paramLabel = "DURATION", description = "Keep the live server up this long after the run (default 5s).")
    String linger;

    @Option(names = "--listen-max-names", paramLabel = "N", description = "Most request names labelled apart on /metrics; the rest are 'other' (default 200).")
    int maxNames = RequestNames.DEFAULT_CAP;

    @Option(names = "--remote-write", paramLabel = "URL", description = {"Push the live metrics every interval to a",
            "Prometheus remote-write receiver, e.g. http://127.0.0.1:9090/api/v1/write (works with or without --listen)."})
    String remoteWrite;

    /** The parsed settings, or null without {@code --listen}; bad settings are a usage error. */
    Listen settings() {
        if (listen == null) {
            if (token != null || linger != null) {
                throw new UsageException((token != null ? "--listen-token" : "--linger") + " needs --listen");
            }
            return null;
        }
        return parse(listen);
    }

    private Listen parse(String spec) {
        String t = token != null ? token : System.getenv(Listen.TOKEN_ENV);
        try {
            Duration l = linger == null ? Listen.DEFAULT_LINGER : Durations.parse(linger);
            return Listen.parse(spec, t, l);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Opens the plane, or returns null without {@code --listen} and {@code --remote-write}. */
    /** Whether {@code --listen} was given. */
    public boolean given() {
        return listen != null;
    }

    public LivePlane open(PrintStream out) {
        Listen l = settings();
        return l == null && remoteWrite == null ? null : open(l, out);
    }

    /**
     * Opens the plane on {@code --listen}, or on a free loopback port when none was given (carga demo). An
     * implicit plane does not linger unless {@code --linger} says so: nobody was told to scrape it.
     */
    public LivePlane openOrAnyPort(PrintStream out) {
        if (listen != null) {
            return open(out);
        }
        try {
            Duration l = linger == null ? Duration.ZERO : Durations.parse(linger);
            return open(Listen.anyLoopbackPort(l), out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private LivePlane open(Listen l, PrintStream out) {
        if (maxNames < 1) {
            throw new UsageException("--listen-max-names must be at least 1, got " + maxNames);
        }
        try {
            LivePlane plane = LivePlane.open(l, remoteWrite, maxNames, out);
            LiveUi.on(plane); // the page and its API are there from the start, before a warm-up ends
            return plane;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
