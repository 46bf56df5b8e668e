package io.carga.shadow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small loopback server standing for one version of a service:
 * <ul>
 * <li>{@code GET /api/v1/business/{id}}: {@code {"business_id", "plan", "generated_at"}};</li>
 * <li>{@code GET /api/v1/business/{id}/generations}: a list, after {@code baseMs + extraMs} of work;</li>
 * <li>{@code GET /events}: three server-sent events 200 ms apart;</li>
 * <li>{@code POST /api/v1/notes}: echoes the body's length.</li>
 * </ul>
 * {@code generated_at} is the clock of the answer, so any two instances differ in it: noise.
 */
final class Backend implements AutoCloseable {
    final String plan;
    final long extraMs;
    final long baseMs;
    final long stallMs;
    final HttpServer server;
    final AtomicLong requests = new AtomicLong();
    final Map<String, AtomicLong> byBusiness = new ConcurrentHashMap<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();

    private Backend(String plan, long baseMs, long extraMs, long stallMs) throws IOException {
        this.plan = plan;
        this.baseMs = baseMs;
        this.extraMs = extraMs;
        this.stallMs = stallMs;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The old code: plan "pro", generations in {@code baseMs}. */
    static Backend primary(long baseMs) throws IOException {
        return new Backend("pro", baseMs, 0, 0);
    }

    /** The new code: a changed plan field, generations {@code extraMs} slower. */
    static Backend candidate(long baseMs, String plan, long extraMs) throws IOException {
        return new Backend(plan, baseMs, extraMs, 0);
    }

    /** A candidate that takes {@code stallMs} over every answer. */
    static Backend stalling(long stallMs) throws IOException {
        return new Backend("pro", 0, 0, stallMs);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String path = ex.getRequestURI().getPath();
        String biz = ex.getRequestHeaders().getFirst("X-Business-Id");
        if (biz != null) {
            byBusiness.computeIfAbsent(biz, b -> new AtomicLong()).incrementAndGet();
        }
        byte[] in = ex.getRequestBody().readAllBytes();
        if (in.length > 0) {
            bodies.add(new String(in, StandardCharsets.UTF_8));
        }
        sleep(stallMs);
        String[] seg = path.split("/");
        if (path.equals("/events")) {
            events(ex);
            return;
        }
        String body;
        if (path.matches("/api/v1/business/[^/]+")) {
            body = "{\"business_id\":\"" + seg[4] + "\",\"plan\":\"" + plan + "\",\"generated_at\":" + System.nanoTime() + "}";
        } else if (path.matches("/api/v1/business/[^/]+/generations")) {
            sleep(baseMs + extraMs);
            body = "{\"business_id\":\"" + seg[4] + "\",\"items\":[{\"id\":1,\"text\":\"Olá\"},{\"id\":2,\"text\":\"Oi\"}],\"generated_at\":" + System.nanoTime() + "}";
        } else if (path.equals("/api/v1/notes")) {
            body = "{\"length\":" + in.length + "}";
        } else {
            send(ex, 404, "text/plain", "no route");
            return;
        }
        send(ex, 200, "application/json", body);
    }

    private static void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 1; i <= 3; i++) {
                out.write(("data: event " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(200);
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
