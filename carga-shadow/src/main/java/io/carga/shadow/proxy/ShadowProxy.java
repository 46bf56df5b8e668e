package io.carga.shadow.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.carga.shadow.results.ShadowResults;
import io.carga.shadow.sample.Sampler;
import io.carga.shadow.template.Templates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The shadow proxy: clients talk to it as to the primary. Each request runs on a virtual thread of its own:
 * <ol>
 * <li>read whole (a mirrored request is sent again, so its body is kept);</li>
 * <li>sent to the primary, whose answer goes back to the client as it arrives (status, headers, then the body,
 *     flushed read by read, so server-sent events and chunked answers stream through);</li>
 * <li>if sampled, the primary's answer (kept while it streamed) and the request are offered to the
 *     {@link MirrorQueue}. The offer never waits; a full queue drops the mirror and counts it.</li>
 * </ol>
 * Nothing of the candidate is on the client's path, so a slow or dead candidate cannot slow or fail it.
 *
 * <p>The server is the JDK's ({@code com.sun.net.httpserver}, as carga's live plane), with TCP_NODELAY on so a
 * streamed chunk is not held back by Nagle's algorithm.
 */
public final class ShadowProxy implements AutoCloseable {
    /** How the proxy runs. {@code secondary} may be null. */
    public record Settings(InetSocketAddress listen, Upstream primary, Upstream candidate, Upstream secondary, Sampler sampler,
                           Templates templates, int queueCapacity, int mirrorConcurrency) {
    }

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final MirrorQueue queue;
    private final Mirror mirror;
    private final ShadowResults results;
    private final PrimaryListener listener;

    private ShadowProxy(Settings s, Mirror mirror, ShadowResults results, PrimaryListener listener) throws IOException {
        this.settings = s;
        this.mirror = mirror;
        this.results = results;
        this.listener = listener;
        this.queue = new MirrorQueue(s.queueCapacity(), s.mirrorConcurrency(), mirror);
        this.server = HttpServer.create(s.listen(), 1024);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Binds and starts the proxy.
     *
     * @throws IOException when the address cannot be bound
     */
    public static ShadowProxy start(Settings s, Mirror mirror, ShadowResults results, PrimaryListener listener) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true"); // read once, when the first server is made
        }
        return new ShadowProxy(s, mirror, results, listener);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        CapturedRequest req;
        try (InputStream in = ex.getRequestBody()) {
            String target = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            req = new CapturedRequest(ex.getRequestMethod(), target, ex.getRequestHeaders(), in.readAllBytes());
        }
        String endpoint = settings.templates().endpoint(req.method(), req.path());
        var stats = results.endpoint(endpoint);
        stats.requested();
        boolean sampled = settings.sampler().sampled(req);
        if (sampled) {
            stats.sampled();
        }
        HttpResponse<InputStream> res;
        long sent = System.nanoTime(); // the pairing compares the servers: the candidate's time runs from its send too
        try {
            res = settings.primary().open(req);
        } catch (IOException | InterruptedException e) {
            byte[] msg = ("carga shadow: the primary did not answer (" + e.getClass().getSimpleName() + ")\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(502, msg.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(msg);
            }
            listener.answered(endpoint, start, System.nanoTime(), 502, req.body().length, msg.length, e.getClass().getSimpleName());
            if (sampled) {
                stats.dropped(); // nothing to compare the candidate's answer with
            }
            return;
        }
        Map<String, List<String>> headers = Upstream.endToEnd(res.headers().map());
        headers.forEach((k, v) -> ex.getResponseHeaders().put(k, v));
        ByteArrayOutputStream kept = sampled ? new ByteArrayOutputStream() : null;
        long bytes = 0;
        boolean truncated = false;
        String error = null;
        try (InputStream body = res.body()) {
            ex.sendResponseHeaders(res.statusCode(), length(req.method(), res));
            try (OutputStream out = ex.getResponseBody()) {
                byte[] buf = new byte[16 * 1024];
                int n;
                while ((n = body.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush(); // an event or a chunk reaches the client when the primary sent it
                    bytes += n;
                    if (kept != null && kept.size() + n <= Answer.MAX_BODY) {
                        kept.write(buf, 0, n);
                    } else if (kept != null) {
                        truncated = true;
                    }
                }
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName(); // the primary or the client went away mid-answer
        }
        long end = System.nanoTime();
        listener.answered(endpoint, start, end, res.statusCode(), req.body().length, bytes, error);
        if (sampled) {
            if (error != null) {
                stats.dropped();
                return;
            }
            Answer primary = new Answer(res.statusCode(), headers, kept.toByteArray(), truncated, end - sent);
            if (!queue.offer(new MirrorQueue.Job(endpoint, req, primary))) {
                stats.dropped();
            }
        }
    }

    /** The length to announce: the primary's when it gave one, none for HEAD and bodiless statuses, else chunked (0). */
    private static long length(String method, HttpResponse<?> res) {
        int s = res.statusCode();
        if (method.equals("HEAD") || s == 204 || s == 304 || (s >= 100 && s < 200)) {
            return -1;
        }
        return res.headers().firstValueAsLong("Content-Length").orElse(0);
    }

    /**
     * Stops listening (in-flight client requests get up to a second), then lets queued mirrors finish for up to
     * {@code grace}; mirrors still queued after that are counted as dropped.
     */
    public void close(Duration grace) {
        server.stop(1);
        handlers.shutdown();
        try {
            // a handler offers its mirror after answering the client: let it, or it would count as dropped
            handlers.awaitTermination(Math.max(1, grace.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close(grace);
        for (MirrorQueue.Job j : queue.leftOver()) {
            results.endpoint(j.endpoint()).dropped();
        }
        mirror.close();
        handlers.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
