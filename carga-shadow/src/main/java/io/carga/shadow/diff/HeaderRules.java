package io.carga.shadow.diff;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers are compared. Headers that differ between any two servers by design (the date, the server's
 * name, request and trace ids, caching clocks) are left out by default; {@code --ignore header:NAME} adds more.
 */
public final class HeaderRules {
    /** Left out of every comparison. */
    public static final Set<String> DEFAULT_IGNORED = Set.of("date", "server", "age", "expires", "last-modified", "etag",
            "set-cookie", "via", "x-request-id", "x-correlation-id", "request-id", "traceparent", "tracestate", "x-trace-id",
            "x-b3-traceid", "x-b3-spanid", "x-amzn-trace-id", "x-cloud-trace-context", "cf-ray", "x-runtime", "x-response-time",
            "server-timing", "x-served-by", "x-cache", "x-powered-by", "alt-svc", "report-to", "nel", "connection", "keep-alive",
            "transfer-encoding", "content-length");

    private final Set<String> ignored;

    private HeaderRules(Set<String> ignored) {
        this.ignored = Set.copyOf(ignored);
    }

    public static HeaderRules defaults() {
        return new HeaderRules(DEFAULT_IGNORED);
    }

    /** The defaults plus {@code names}. */
    public HeaderRules ignoring(Set<String> names) {
        Set<String> all = new TreeSet<>(ignored);
        names.forEach(n -> all.add(n.toLowerCase(Locale.ROOT)));
        return new HeaderRules(all);
    }

    public boolean compared(String name) {
        return !ignored.contains(name.toLowerCase(Locale.ROOT));
    }
}
