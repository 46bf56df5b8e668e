package io.carga.http.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The HTTP side of one virtual user: its keep-alive connections (or its loans from a shared pool) and its
 * cookie jar. Used by one thread at a time, like the user it belongs to. Obtain one per user from
 * {@link HttpClient#newAgent()} and close it when the user stops.
 *
 * <pre>{@code
 * try (Agent agent = client.newAgent()) {
 *     HttpResponse r = agent.send(HttpRequest.get("http://127.0.0.1:8080/ping"));
 *     long ttfb = r.timings().ttfbNanos();
 * } catch (HttpFailure f) {
 *     f.kind();   // REFUSED, RESET, CONNECT_TIMEOUT, READ_TIMEOUT, TLS, ...
 * }
 * }</pre>
 */
public final class Agent implements AutoCloseable {

    private final ClientConfig config;
    private final SharedPool pool;
    private final Watchdog watchdog;
    private final CookieJar cookies = new CookieJar();
    private Origin lastOrigin;
    private HttpRequest.HeadMemo lastHead;   // serves the next request whose head is the same bytes
    private Http1Connection last;
    private Map<Origin, Http1Connection> others;

    private final java.util.function.Consumer<Agent> onClose;

    Agent(ClientConfig config, SharedPool pool, Watchdog watchdog, java.util.function.Consumer<Agent> onClose) {
        this.onClose = onClose;
        this.config = config;
        this.pool = pool;
        this.watchdog = watchdog;
    }

    public CookieJar cookies() {
        return cookies;
    }

    /** Sends a request and buffers the whole body (gzip inflated). */
    public HttpResponse send(HttpRequest request) throws HttpFailure {
        return send(request, null);
    }

    /**
     * Sends a request and streams the body into {@code sink} as it arrives (or buffers it when {@code sink}
     * is null). Redirects are followed per the request or client setting; their bodies are discarded.
     *
     * @throws HttpFailure when no complete response arrived; its kind says why
     */
    public HttpResponse send(HttpRequest request, BodySink sink) throws HttpFailure {
        long start = System.nanoTime();
        long timeout = (request.timeout() != null ? request.timeout() : config.responseTimeout()).toNanos();
        boolean follow = request.followRedirects() != null ? request.followRedirects() : config.followRedirects();
        HttpRequest current = request;
        int redirects = 0;
        while (true) {
            Exchange x = exchange(current, sink, start, timeout, follow && redirects < config.maxRedirects());
            if (x.redirectTo == null) {
                Timings t = new Timings(start, x.waitNanos, x.connectNanos, x.ttfbNanos, x.transferNanos,
                        x.endNanos - start, x.reused, x.bytesSent, x.bytesReceived, redirects);
                byte[] body = x.body;
                if (x.gzip && body.length > 0 && sink == null) {
                    body = gunzip(body, start);
                }
                return new HttpResponse(current.uri(), x.status, x.headers, body, t);
            }
            redirects++;
            current = redirected(current, x.status, x.redirectTo);
        }
    }

    private static final class Exchange {
        int status;
        Headers headers;
        byte[] body = BodyBuffer.EMPTY;
        boolean gzip;
        URI redirectTo;
        long waitNanos;
        long connectNanos;
        long ttfbNanos;
        long transferNanos;
        long endNanos;
        boolean reused;
        long bytesSent;
        long bytesReceived;
    }

    private Exchange exchange(HttpRequest req, BodySink sink, long start, long timeout, boolean follow)
            throws HttpFailure {
        Exchange x = new Exchange();
        Origin origin = req.origin();
        long deadline = start + timeout;
        String cookie = cookies.header(req.uri());
        String extra = cookie == null ? null : "Cookie: " + cookie + "\r\n";
        req.reuseHeadsOf(lastHead);
        byte[] head = req.head(config.acceptGzip() && sink == null);
        lastHead = req.memo();
        byte[] body = req.body().bytes();
        Http1Connection c = null;
        boolean retried = false;
        Http1Connection.ResponseHead h;
        while (true) {
            boolean connecting = true;
            try {
                c = acquire(origin, x);
                connecting = false;
                c.write(head, extra, body, deadline);
                h = c.readHead(req.method() == Method.HEAD);
                break;
            } catch (IOException e) {
                boolean stale = c != null && x.reused && c.bytesRead() == 0 && !(e instanceof SocketTimeoutException)
                        && !(e instanceof InterruptedIOException) && !(e instanceof HttpFailure)
                        && !Thread.currentThread().isInterrupted();
                release(origin, c, false, connecting);
                c = null;
                if (stale && !retried) {
                    retried = true;   // a kept-alive connection the server had closed: once more on a fresh one
                    continue;
                }
                throw failure(e, connecting, start);
            }
        }
        x.bytesSent = head.length + (extra == null ? 0 : extra.length()) + body.length;
        x.status = h.status;
        x.headers = h.headers;
        if (h.headers.contains("Set-Cookie")) {
            cookies.store(req.uri(), h.headers);
        }
        String location = follow && isRedirect(h.status) ? h.headers.first("Location") : null;
        if (location != null) {
            try {
                x.redirectTo = req.uri().resolve(location);
                Origin.of(x.redirectTo);
            } catch (IllegalArgumentException e) {
                x.redirectTo = null;   // an unusable Location: hand the 3xx to the caller
            }
        }
        BodySink target = x.redirectTo != null ? BodySink.DISCARD : sink != null ? sink : new BodyBuffer(h.contentLength);
        boolean reusable;
        try {
            reusable = c.readBody(h, target) & c.finish();
        } catch (IOException e) {
            release(origin, c, false, false);
            throw failure(e, false, start);
        }
        x.endNanos = c.firstByteNanos() == 0 ? System.nanoTime() : lastByte(c);
        x.ttfbNanos = c.firstByteNanos() - c.sentNanos();
        x.transferNanos = x.endNanos - c.firstByteNanos();
        x.bytesReceived = c.bytesRead();
        x.gzip = h.gzip;
        if (target instanceof BodyBuffer b) {
            x.body = b.toArray();
        }
        release(origin, c, reusable, false);
        return x;
    }

    private static long lastByte(Http1Connection c) {
        return c.lastReadNanos();
    }

    private Http1Connection acquire(Origin origin, Exchange x) throws IOException {
        x.connectNanos = 0;
        if (pool != null) {
            long w0 = System.nanoTime();
            Http1Connection c = pool.borrow(origin, config.connectTimeout().toNanos());
            x.waitNanos += System.nanoTime() - w0;
            if (c != null) {
                x.reused = true;
                return c;
            }
            return open(origin, x);
        }
        Http1Connection c = origin.equals(lastOrigin) ? last : others == null ? null : others.get(origin);
        if (c != null && c.isReusable()) {
            x.reused = true;
            return c;
        }
        if (c != null) {
            c.close();
        }
        c = open(origin, x);
        if (lastOrigin != null && !origin.equals(lastOrigin) && last != null && last.isOpen()) {
            if (others == null) {
                others = new HashMap<>();
            }
            others.put(lastOrigin, last);
        }
        lastOrigin = origin;
        last = c;
        if (others != null) {
            others.remove(origin);
        }
        return c;
    }

    private Http1Connection open(Origin origin, Exchange x) throws IOException {
        x.reused = false;
        Http1Connection c = Http1Connection.open(origin, config, watchdog);
        x.connectNanos = c.connectNanos();
        return c;
    }

    private void release(Origin origin, Http1Connection c, boolean reusable, boolean failedOpen) {
        if (pool != null) {
            pool.giveBack(origin, failedOpen ? null : c, reusable);
            return;
        }
        if (c != null && !reusable) {
            c.close();
        }
    }

    private HttpFailure failure(IOException e, boolean connecting, long start) {
        long elapsed = System.nanoTime() - start;
        if (e instanceof HttpFailure f) {
            return new HttpFailure(f.kind(), f.getMessage(), f.getCause(), start, elapsed);
        }
        FailureKind kind = FailureKind.of(e, connecting);
        String what = switch (kind) {
            case REFUSED -> "connection refused";
            case RESET -> "connection reset";
            case CONNECT_TIMEOUT -> "connect timeout";
            case READ_TIMEOUT -> "response timeout";
            case TLS -> "TLS failure";
            case UNKNOWN_HOST -> "unknown host";
            case PROTOCOL -> "protocol error";
            case IO -> "I/O error";
        };
        return new HttpFailure(kind, what + ": " + e.getMessage(), e, start, elapsed);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static HttpRequest redirected(HttpRequest r, int status, URI to) {
        HttpRequest.Builder b = r.toBuilder().uri(to);
        boolean toGet = status == 303 ? r.method() != Method.HEAD : (status == 301 || status == 302) && r.method() == Method.POST;
        if (toGet) {
            b.method(Method.GET).body(RequestBody.EMPTY).removeHeader("Content-Type");
        }
        if (!Origin.of(to).equals(r.origin())) {
            b.removeHeader("Authorization").removeHeader("Host");
        }
        return b.build();
    }

    private static byte[] gunzip(byte[] gz, long start) throws HttpFailure {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new HttpFailure(FailureKind.PROTOCOL, "gzip body cannot be inflated: " + e.getMessage(), e, start,
                    System.nanoTime() - start);
        }
    }

    /** Closes the agent's own connections; loans from a shared pool were given back already. */
    @Override
    public synchronized void close() {
        onClose.accept(this);
        if (last != null) {
            last.close();
            last = null;
        }
        if (others != null) {
            others.values().forEach(Http1Connection::close);
            others = null;
        }
        lastOrigin = null;
    }
}
