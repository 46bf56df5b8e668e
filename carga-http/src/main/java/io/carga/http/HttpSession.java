package io.carga.http;

import io.carga.core.api.UserContext;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.http.client.Agent;
import io.carga.http.client.BodySink;
import io.carga.http.client.CookieJar;
import io.carga.http.client.Headers;
import io.carga.http.client.HttpFailure;
import io.carga.http.client.HttpRequest;
import io.carga.http.client.HttpResponse;
import io.carga.http.client.Method;
import io.carga.http.client.Origin;
import io.carga.http.client.SseEvent;
import io.carga.http.client.Timings;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual user's HTTP session: base URL (from {@code --target} unless the user names one), default
 * headers, a cookie jar, the bearer token captured at login, and its own keep-alive connection. Every request
 * reports one event to the run's statistics. Used from the user's thread only.
 *
 * <pre>{@code
 * String token = http.post("/auth/login").json(Map.of("email", email, "password", pw))
 *         .check(Checks.status(200), Checks.jsonPath("$.token")).throwOnFailure().send()
 *         .json("$.token").asText();
 * http.bearer(token);
 * http.get("/api/v1/users/" + id).name("/api/v1/users/{id}").send();
 * }</pre>
 */
public final class HttpSession implements AutoCloseable {

    private static final int URI_CACHE_LIMIT = 1024;

    private final UserContext ctx;
    private final Agent agent;
    private String baseUrl;
    private Headers.Builder defaults = Headers.builder();
    private Headers defaultHeaders = Headers.EMPTY;
    private String bearer;
    private final Map<String, Resolved> uris = new HashMap<>();
    /** Writes JSON bodies; its buffer is reused, as a session belongs to one virtual user's thread. */
    final PlainJson jsonWriter = new PlainJson();

    HttpSession(UserContext ctx, Agent agent, String baseUrl) {
        this.ctx = ctx;
        this.agent = agent;
        baseUrl(baseUrl);
    }

    public HttpCall get(String path) {
        return request(Method.GET, path);
    }

    public HttpCall post(String path) {
        return request(Method.POST, path);
    }

    public HttpCall put(String path) {
        return request(Method.PUT, path);
    }

    public HttpCall patch(String path) {
        return request(Method.PATCH, path);
    }

    public HttpCall delete(String path) {
        return request(Method.DELETE, path);
    }

    public HttpCall head(String path) {
        return request(Method.HEAD, path);
    }

    /** A call to {@code path} (joined to the base URL) or to an absolute http(s) URL. */
    public HttpCall request(Method method, String path) {
        return new HttpCall(this, method, path, resolve(path));
    }

    /** The base URL relative paths are joined to, or null. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Sets the base URL; a malformed one throws here. */
    public HttpSession baseUrl(String url) {
        if (url != null) {
            String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            HttpRequest.parseUrl(u.isEmpty() ? url : u + "/");
            this.baseUrl = u;
        } else {
            this.baseUrl = null;
        }
        uris.clear();
        return this;
    }

    /** Sends this header with every request of the session (replacing a default of the same name). */
    public HttpSession header(String name, String value) {
        defaults.set(name, value);
        defaultHeaders = defaults.build();
        return this;
    }

    public HttpSession removeHeader(String name) {
        defaults.remove(name);
        defaultHeaders = defaults.build();
        return this;
    }

    public Headers defaultHeaders() {
        return defaultHeaders;
    }

    /** Sends {@code Authorization: Bearer token} from now on; null stops sending it. */
    public HttpSession bearer(String token) {
        if (token != null) {
            Headers.of("Authorization", "Bearer " + token);
        }
        this.bearer = token;
        return this;
    }

    public String bearer() {
        return bearer;
    }

    public CookieJar cookies() {
        return agent.cookies();
    }

    /** Closes the user's connections. The session cannot send afterwards. */
    @Override
    public void close() {
        agent.close();
    }

    /**
     * A path as the session sends it: its URI, its origin and its default statistics names, worked out once
     * per path rather than once per request (a cached origin also makes the connection lookup an identity
     * comparison).
     */
    static final class Resolved {
        private static final int METHODS = Method.values().length;

        final URI uri;
        final Origin origin;
        private final String[] names = new String[METHODS];

        Resolved(URI uri) {
            this.uri = uri;
            this.origin = Origin.of(uri);
        }

        /** Method and path, e.g. {@code POST /api/v1/ai/generate}. */
        String name(Method m) {
            String n = names[m.ordinal()];
            if (n == null) {
                String p = uri.getRawPath();
                n = m.name() + " " + (p == null || p.isEmpty() ? "/" : p);
                names[m.ordinal()] = n;
            }
            return n;
        }
    }

    Resolved resolve(String path) {
        Resolved r = uris.get(path);
        if (r != null) {
            return r;
        }
        if (path == null) {
            throw new IllegalArgumentException("malformed URL: null path");
        }
        String lower = path.length() > 8 ? path.substring(0, 8).toLowerCase(java.util.Locale.ROOT) : path;
        URI u;
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            u = HttpRequest.parseUrl(path);
        } else if (baseUrl == null) {
            throw new IllegalArgumentException("relative URL '" + path + "' needs a base URL: run with --target URL"
                    + " or set one with http().baseUrl(...)");
        } else {
            u = HttpRequest.parseUrl(baseUrl + (path.startsWith("/") || path.isEmpty() ? "" : "/") + path);
        }
        r = new Resolved(u);
        if (uris.size() < URI_CACHE_LIMIT) {
            uris.put(path, r);
        }
        return r;
    }

    Headers headersFor(Headers own) {
        if (bearer == null && own.size() == 0) {
            return defaultHeaders;
        }
        Headers.Builder b = defaultHeaders.toBuilder();
        if (bearer != null) {
            b.set("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < own.size(); i++) {
            b.set(own.name(i), own.value(i));
        }
        return b.build();
    }

    /**
     * Sends, judges, reports one event, and returns the response; throws only when the call asked to.
     */
    Response execute(HttpRequest request, String name, Tags tags, List<Check> checks, boolean throwOnFailure,
                     BodySink sink, List<SseEvent> events) {
        long intended = ctx.takeIntendedStart();
        HttpResponse raw = null;
        HttpFailure failure = null;
        try {
            raw = agent.send(request, sink);
        } catch (HttpFailure f) {
            failure = f;
        }
        Response r = new Response(name, request.uri(), raw, failure, events);
        judge(r, checks);
        report(r, intended, tags);
        if (throwOnFailure && !r.ok()) {
            throw new HttpCallFailed(r);
        }
        return r;
    }

    private void judge(Response r, List<Check> checks) {
        if (!r.hasResponse()) {
            HttpFailure f = r.failure();
            Outcome o = ctx.cutOff() || Thread.currentThread().isInterrupted() ? Outcome.INTERRUPTED : Outcomes.of(f.kind());
            r.judge(o, f.getMessage());
            return;
        }
        int status = r.status();
        Check statusCheck = null;
        for (Check c : checks) {
            if (c instanceof Checks.StatusCheck) {
                statusCheck = c;
                break;
            }
        }
        String statusReason = statusCheck != null ? statusCheck.verify(r) : status >= 400 ? "HTTP " + status : null;
        if (statusReason != null) {
            r.judge(status >= 500 ? Outcome.SERVER_ERROR : status >= 400 ? Outcome.CLIENT_ERROR : Outcome.CHECK_FAILED,
                    statusReason);
            return;
        }
        for (Check c : checks) {
            if (c == statusCheck) {
                continue;
            }
            String reason;
            try {
                reason = c.verify(r);
            } catch (RuntimeException e) {
                reason = "check threw " + e;
            }
            if (reason != null) {
                r.judge(Outcome.CHECK_FAILED, reason + ScenarioLine.suffix());
                return;
            }
        }
    }

    private void report(Response r, long intended, Tags tags) {
        Timings t = r.timings();
        Map<String, Double> fields = Map.of();
        if (r.hasResponse()) {
            fields = t.connectNanos() > 0
                    ? Map.of("ttfb_ms", t.ttfbNanos() / 1e6, "connect_ms", t.connectNanos() / 1e6)
                    : Map.of("ttfb_ms", t.ttfbNanos() / 1e6);
        }
        ctx.events().record(new RequestEvent(r.name(), "http", tags, intended, t.startNanos(), t.endNanos(),
                t.bytesSent(), t.bytesReceived(), r.outcome(), r.error(), fields));
    }
}
