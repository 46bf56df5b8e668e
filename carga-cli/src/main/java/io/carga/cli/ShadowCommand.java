package io.carga.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.cli.plan.PlanFiles;
import io.carga.cli.plan.ShadowLimits;
import io.carga.core.config.Defaults;
import io.carga.core.config.RunConfig;
import io.carga.core.engine.Driver;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.Durations;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.shadow.ShadowOptions;
import io.carga.shadow.ShadowRun;
import io.carga.shadow.diff.Ignored;
import io.carga.shadow.proxy.CapturedRequest;
import io.carga.shadow.proxy.PrimaryListener;
import io.carga.shadow.replay.Recording;
import io.carga.shadow.results.ShadowJson;
import io.carga.shadow.sample.SampleKey;
import io.carga.shadow.sample.Sampler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carga shadow}: a proxy in front of the primary that mirrors a share of the traffic to a candidate (and a
 * secondary, for noise) and reports what differs; or, with {@code --replay}, the same for recorded traffic. The run
 * writes a results folder as any run: the client-facing requests as the run's requests (results log, summary.json,
 * report.html), plus shadow.json; with {@code --plan}, the plan's {@code shadow:} limits judge it.
 */
@Command(name = "shadow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mirror a share of real traffic to a candidate, and show what differs.",
                "  carga shadow --listen 127.0.0.1:8000 --primary http://old:8080 --candidate http://new:8080 \\",
                "               --secondary http://old2:8080 --share 5% --key header:X-Business-Id --duration 1h",
                "  carga shadow --replay requests.gor --primary http://old:8080 --candidate http://new:8080"})
final class ShadowCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--listen", paramLabel = "[HOST:]PORT", description = "Where the proxy listens (host 127.0.0.1 when left out).")
    String listen;

    @Option(names = "--primary", required = true, paramLabel = "URL", description = "The server whose answers the clients get.")
    String primary;

    @Option(names = "--candidate", required = true, paramLabel = "URL", description = "The new version, sent the mirrored share.")
    String candidate;

    @Option(names = "--secondary", paramLabel = "URL", description = "A second instance of the primary's code: what differs between the two is noise.")
    String secondary;

    @Option(names = "--share", paramLabel = "PERCENT", description = "Share of requests mirrored (default 5%; 100% with --replay).")
    String share;

    @Option(names = "--key", paramLabel = "header:NAME", description = "Sample by a consistent hash of this header (or query:NAME), else at random.")
    String key;

    @Option(names = "--mirror-methods", paramLabel = "POST,...", description = "Methods mirrored beside GET: a mirrored write reaches the candidate's data.")
    String methods;

    @Option(names = "--endpoint", paramLabel = "PATTERN", description = "Group paths as this pattern, /api/v1/business/{id} (repeatable).")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--ignore", paramLabel = "PATH", description = "A field that is noise: $.json.path, header:NAME, status or body (repeatable).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--mask", paramLabel = "PATH", description = "A JSON path masked in the example diffs, beside secret-looking names (repeatable).")
    List<String> mask = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long the proxy runs (default: until Ctrl-C, at most --max-duration).")
    String duration;

    @Option(names = "--max-duration", paramLabel = "DURATION", description = "Hard stop (default 2h).")
    String maxDuration;

    @Option(names = "--replay", paramLabel = "FILE", description = "Send recorded traffic instead: a GoReplay file or a combined-format access log.")
    Path replay;

    @Option(names = "--replay-concurrency", paramLabel = "N", description = "Recorded requests in flight at once (default 8).")
    int replayConcurrency = 8;

    @Option(names = "--mirror-queue", paramLabel = "N", description = "Mirrors waiting at most; more are dropped and counted (default 1000).")
    int queue = ShadowOptions.DEFAULT_QUEUE;

    @Option(names = "--mirror-concurrency", paramLabel = "N", description = "Mirrors in flight at most (default 32).")
    int concurrency = ShadowOptions.DEFAULT_CONCURRENCY;

    @Option(names = "--mirror-timeout", paramLabel = "DURATION", description = "How long a mirror's answer may take (default 10s).")
    String mirrorTimeout;

    @Option(names = "--quality", paramLabel = "SCORER", description = "Quality scorer on AI answers: heuristic, regex:P, json:FIELD, length:MIN-MAX.")
    String quality = "heuristic";

    @Option(names = "--plan", paramLabel = "FILE", description = "Judge the run by the plan's shadow: limits (max_diff_rate, max_p99_delta).")
    Path plan;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
        ShadowOptions options = options();
        ShadowLimits limits = plan == null ? ShadowLimits.NONE : PlanFiles.load(plan).shadow();
        if (plan != null && !limits.any()) {
            System.out.println("carga: " + plan + " has no shadow: limits; the run is not judged");
        }
        List<CapturedRequest> recorded = replay == null ? null : recording();
        Duration max = maxDuration == null ? Defaults.MAX_DURATION : duration(maxDuration, "--max-duration");
        Duration length = duration == null ? max : duration(duration, "--duration");
        Path dir = output.outDir();
        RunConfig config = Driver.config("carga shadow: " + options.primary() + " vs " + options.candidate(), ClosedModel.of(1, 0, length))
                .withTarget(options.primary().toString()).withMaxDuration(max);
        MetricsHub hub = new MetricsHub();
        // the proxy binds before the run: an address in use is a usage error, and no results folder is made
        ShadowRun proxy = recorded == null ? startProxy(options, hub) : null;
        AtomicReference<ObjectNode> shadow = new AtomicReference<>();
        AtomicBoolean failed = new AtomicBoolean();
        Driver driver = run -> {
            CountDownLatch stop = new CountDownLatch(1);
            AtomicBoolean stopping = new AtomicBoolean();
            run.onStop(() -> {
                stopping.set(true);
                stop.countDown();
            });
            run.userStarted();
            try {
                ShadowRun sr;
                if (recorded != null) {
                    System.out.printf("carga shadow: replaying %,d requests from %s to %s, mirroring %s to %s%n", recorded.size(), replay,
                            options.primary(), percent(options.share()), options.candidate());
                    sr = ShadowRun.replay(options, recorded, replayConcurrency, recorder(hub), stopping::get);
                } else {
                    sr = proxy;
                    System.out.printf("carga shadow: listening on http://%s:%d, answering from %s, mirroring %s of %s to %s%s%n",
                            sr.address().getHostString(), sr.address().getPort(), options.primary(), percent(options.share()),
                            String.join(",", new java.util.TreeSet<>(options.methods())), options.candidate(),
                            options.secondary() == null ? "" : " (noise from " + options.secondary() + ")");
                    stop.await(length.toMillis(), TimeUnit.MILLISECONDS);
                }
                ObjectNode figures = sr.finish(Duration.ofSeconds(5));
                failed.set(ShadowJudge.judge(figures, limits, System.out)); // the verdicts go into shadow.json
                ShadowJson.write(dir, figures); // before the report is built from the folder
                shadow.set(figures);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                run.userEnded();
            }
        };
        RunLauncher.Launched launched;
        try {
            launched = new RunLauncher(System.out).launch(config, dir, output.quiet, List.of(), null, driver, hub);
        } finally {
            if (proxy != null) {
                proxy.close(); // a no-op once the run finished it
            }
        }
        if (shadow.get() == null) {
            return launched.exit().code();
        }
        printTotals(shadow.get());
        RunResult result = launched.result();
        return ExitCode.of(result.reason().name(), false, failed.get(), length.compareTo(max) >= 0).code();
    }

    private ShadowRun startProxy(ShadowOptions options, MetricsHub hub) {
        try {
            return ShadowRun.proxy(options, recorder(hub));
        } catch (IOException e) {
            throw new UsageException("--listen " + listen + ": cannot listen (" + e.getMessage() + ")");
        }
    }

    /** Every client request, as the primary answered it, becomes one of the run's requests, named by its endpoint. */
    static PrimaryListener recorder(MetricsHub hub) {
        return (endpoint, start, end, status, bytesIn, bytesOut, error) -> {
            Outcome outcome = error != null ? Outcome.OTHER : status >= 500 ? Outcome.SERVER_ERROR : status >= 400 ? Outcome.CLIENT_ERROR : Outcome.OK;
            hub.record(new RequestEvent(endpoint, "http", Tags.EMPTY, start, start, end, bytesIn, bytesOut, outcome,
                    error != null ? error : outcome.isError() ? "HTTP " + status : null, Map.of()));
        };
    }

    private static void printTotals(ObjectNode shadow) {
        var t = shadow.path("totals");
        System.out.printf("shadow: %,d requests, %,d mirrored and compared, %,d dropped, %,d with differences (%s)%n",
                t.path("requests").asLong(), t.path("mirrored").asLong(), t.path("dropped").asLong(), t.path("diffs").asLong(),
                percent(t.path("diff_rate").asDouble()));
        for (var e : shadow.path("endpoints")) {
            if (!e.path("diff_fields").isEmpty() || Math.abs(e.path("delta_ms").path("p99").asDouble()) >= 1) {
                System.out.printf("  %s: diff rate %s in %s; p99 %+.1f ms%n", e.path("endpoint").asText(), percent(e.path("diff_rate").asDouble()),
                        e.path("diff_fields").isEmpty() ? "no field" : e.path("diff_fields").toString(), e.path("delta_ms").path("p99").asDouble());
            }
        }
        System.out.println("shadow results: " + ShadowJson.FILE);
    }

    /** Parses the command line into the run's options; bad input is a usage error. */
    ShadowOptions options() {
        if ((listen == null) == (replay == null)) {
            throw new UsageException("give --listen [HOST:]PORT for a live proxy, or --replay FILE, one of them");
        }
        try {
            double s = share == null ? (replay != null ? 1.0 : 0.05) : shareOf(share);
            return new ShadowOptions(listen == null ? null : address(listen), url(primary, "--primary"), url(candidate, "--candidate"),
                    secondary == null ? null : url(secondary, "--secondary"), s, key == null ? null : SampleKey.parse(key),
                    Sampler.methods(methods), endpoints, new Ignored(ignore), mask, queue, concurrency,
                    mirrorTimeout == null ? ShadowOptions.DEFAULT_MIRROR_TIMEOUT : duration(mirrorTimeout, "--mirror-timeout"), quality);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<CapturedRequest> recording() {
        try {
            List<CapturedRequest> r = Recording.read(replay);
            if (r.isEmpty()) {
                throw new UsageException("--replay " + replay + " holds no request");
            }
            return r;
        } catch (IOException e) {
            throw new UsageException("--replay " + replay + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static double shareOf(String text) {
        Double f = ShadowLimits.fraction(text);
        if (f == null || f < 0 || f > 1) {
            throw new IllegalArgumentException("--share takes a percentage from 0% to 100% (5%), got '" + text + "'");
        }
        return f;
    }

    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen takes [HOST:]PORT, got '" + text + "'");
        }
    }

    static URI url(String text, String option) {
        try {
            URI u = URI.create(text);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " takes an http:// or https:// URL, got '" + text + "'");
        }
    }

    private static Duration duration(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static String percent(double f) {
        return String.format(java.util.Locale.ROOT, "%.3g%%", f * 100);
    }
}
