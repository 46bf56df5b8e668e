package io.carga.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.ai.cost.PriceTable;
import io.carga.ai.quality.Scorers;
import io.carga.shadow.diff.Differ;
import io.carga.shadow.diff.HeaderRules;
import io.carga.shadow.proxy.CapturedRequest;
import io.carga.shadow.proxy.Loops;
import io.carga.shadow.proxy.Mirror;
import io.carga.shadow.proxy.PrimaryListener;
import io.carga.shadow.proxy.ShadowProxy;
import io.carga.shadow.proxy.Upstream;
import io.carga.shadow.replay.Replayer;
import io.carga.shadow.results.Masking;
import io.carga.shadow.results.ShadowJson;
import io.carga.shadow.results.ShadowResults;
import io.carga.shadow.sample.Sampler;
import io.carga.shadow.template.Templates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One shadow run, live ({@link #proxy}) or offline ({@link #replay}), wired from its {@link ShadowOptions}; at the end,
 * {@link #finish} gives shadow.json's content.
 *
 * <pre>{@code
 * try (ShadowRun run = ShadowRun.proxy(options, PrimaryListener.NONE)) {
 *     ... clients use run.address() ...
 *     ObjectNode shadowJson = run.finish(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class ShadowRun implements AutoCloseable {
    private final ShadowOptions options;
    private final ShadowResults results;
    private final Upstream primary;
    private final Upstream candidate;
    private final Upstream secondary;
    private final Mirror mirror;
    private final Sampler sampler;
    private final Templates templates;
    private final Loops primaryLoops = new Loops("carga-shadow", Runtime.getRuntime().availableProcessors());
    private final Loops mirrorLoops = new Loops("carga-shadow-mirror", 1);
    private ShadowProxy proxy;
    private boolean finished;

    private ShadowRun(ShadowOptions o) {
        this.options = o;
        Set<String> ignoredHeaders = o.ignore().paths().stream().filter(p -> p.regionMatches(true, 0, "header:", 0, 7))
                .map(p -> p.substring(7)).collect(Collectors.toSet());
        Differ differ = new Differ(HeaderRules.defaults().ignoring(ignoredHeaders));
        this.results = new ShadowResults(o.ignore(), new Masking(o.mask()), PriceTable.defaults(), Scorers.parse(o.quality()));
        this.primary = new Upstream(o.primary(), ShadowOptions.PRIMARY_TIMEOUT, primaryLoops);
        this.candidate = new Upstream(o.candidate(), o.mirrorTimeout(), mirrorLoops);
        this.secondary = o.secondary() == null ? null : new Upstream(o.secondary(), o.mirrorTimeout(), mirrorLoops);
        this.mirror = new Mirror(candidate, secondary, differ, results);
        this.sampler = new Sampler(o.share(), o.key(), o.methods());
        this.templates = Templates.of(o.endpoints());
    }

    /** Starts the proxy on {@code options.listen()}. */
    public static ShadowRun proxy(ShadowOptions options, PrimaryListener listener) throws IOException {
        ShadowRun run = new ShadowRun(options);
        run.proxy = ShadowProxy.start(new ShadowProxy.Settings(options.listen(), run.primary, run.candidate, run.secondary, run.sampler,
                run.templates, options.queue(), options.concurrency()), run.primaryLoops, run.mirror, run.results, listener);
        return run;
    }

    /** Replays {@code requests} to the primary and the mirrors, {@code concurrency} at a time, until done or {@code stop}. */
    public static ShadowRun replay(ShadowOptions options, List<CapturedRequest> requests, int concurrency, PrimaryListener listener,
                                   BooleanSupplier stop) throws InterruptedException {
        ShadowRun run = new ShadowRun(options);
        new Replayer(run.primary, run.mirror, run.sampler, run.templates, run.results, listener).replay(requests, concurrency, stop);
        return run;
    }

    /** Where the proxy listens (null for a replay). */
    public InetSocketAddress address() {
        return proxy == null ? null : proxy.address();
    }

    public ShadowResults results() {
        return results;
    }

    /** Stops the proxy, lets queued mirrors finish for up to {@code grace}, and gives shadow.json's content. */
    public ObjectNode finish(Duration grace) {
        stop(grace);
        return ShadowJson.build(new ShadowJson.Setup(primary.base().toString(), candidate.base().toString(),
                secondary == null ? null : secondary.base().toString(), options.share(), options.key() == null ? null : options.key().toString(),
                List.copyOf(new java.util.TreeSet<>(options.methods())), proxy == null ? "replay" : "proxy"), results.figures());
    }

    private void stop(Duration grace) {
        if (finished) {
            return;
        }
        finished = true;
        if (proxy != null) {
            proxy.close(grace);
        } else {
            mirror.close();
        }
        primary.close();
        candidate.close();
        if (secondary != null) {
            secondary.close();
        }
        primaryLoops.close();
        mirrorLoops.close();
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
