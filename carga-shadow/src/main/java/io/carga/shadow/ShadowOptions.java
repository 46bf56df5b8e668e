package io.carga.shadow;

import io.carga.shadow.diff.Ignored;
import io.carga.shadow.sample.SampleKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a shadow run is told, parsed once (the CLI and tests produce it). Defaults live in {@link #defaults}.
 *
 * @param listen        where the proxy listens (null for a replay)
 * @param secondary     a second instance of the primary's code, for noise, or null
 * @param share         the fraction of requests mirrored, 0..1
 * @param key           what a consistent sample hashes, or null for a random one
 * @param methods       methods that may be mirrored (GET by default)
 * @param endpoints     path patterns grouping requests, before the automatic grouping
 * @param ignore        fields that are noise by hand ({@code --ignore})
 * @param mask          JSON paths masked in example diffs, beside secret-looking names
 * @param queue         mirrors waiting at most; more are dropped
 * @param concurrency   mirrors in flight at most
 * @param mirrorTimeout how long a candidate's or secondary's answer may take
 * @param quality       carga-ai's quality scorer for AI answers ({@code heuristic}, {@code regex:...})
 */
public record ShadowOptions(InetSocketAddress listen, URI primary, URI candidate, URI secondary, double share, SampleKey key,
                            Set<String> methods, List<String> endpoints, Ignored ignore, List<String> mask, int queue,
                            int concurrency, Duration mirrorTimeout, String quality) {
    public static final int DEFAULT_QUEUE = 1000;
    public static final int DEFAULT_CONCURRENCY = 32;
    public static final Duration DEFAULT_MIRROR_TIMEOUT = Duration.ofSeconds(10);
    /** How long the primary may take: a proxy in front of production must not give up before its clients do. */
    public static final Duration PRIMARY_TIMEOUT = Duration.ofMinutes(5);

    public ShadowOptions {
        methods = Set.copyOf(methods);
        endpoints = List.copyOf(endpoints);
        mask = List.copyOf(mask);
        if (queue < 1 || concurrency < 1) {
            throw new IllegalArgumentException("--mirror-queue and --mirror-concurrency must be at least 1");
        }
    }

    /** A proxy on {@code listen} mirroring 5 % of GETs at random, with every default. */
    public static ShadowOptions defaults(InetSocketAddress listen, URI primary, URI candidate, URI secondary) {
        return new ShadowOptions(listen, primary, candidate, secondary, 0.05, null, Set.of("GET"), List.of(), Ignored.NONE, List.of(),
                DEFAULT_QUEUE, DEFAULT_CONCURRENCY, DEFAULT_MIRROR_TIMEOUT, "heuristic");
    }

    public ShadowOptions withShare(double s) {
        return new ShadowOptions(listen, primary, candidate, secondary, s, key, methods, endpoints, ignore, mask, queue, concurrency, mirrorTimeout, quality);
    }

    public ShadowOptions withKey(SampleKey k) {
        return new ShadowOptions(listen, primary, candidate, secondary, share, k, methods, endpoints, ignore, mask, queue, concurrency, mirrorTimeout, quality);
    }

    public ShadowOptions withMirrorLimits(int q, int c, Duration timeout) {
        return new ShadowOptions(listen, primary, candidate, secondary, share, key, methods, endpoints, ignore, mask, q, c, timeout, quality);
    }

    public ShadowOptions withIgnore(Ignored i) {
        return new ShadowOptions(listen, primary, candidate, secondary, share, key, methods, endpoints, i, mask, queue, concurrency, mirrorTimeout, quality);
    }
}
