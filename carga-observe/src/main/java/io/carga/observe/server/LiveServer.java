package io.carga.observe.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One HTTP server per carga process: {@code /metrics} for Prometheus, and the web UI's page and
 * {@code /api/v1} (carga-ui), all behind the same token check.
 *
 * <p>The server is the JDK's own ({@code com.sun.net.httpserver}), the one the official Prometheus
 * client's exporter is built for; requests are handled on two platform threads of its own, off the
 * engine's threads and off the virtual users' carriers.
 * {@code /metrics} is the client's {@link MetricsHandler}: it negotiates the text, OpenMetrics and
 * protobuf formats (protobuf carries native histograms), and gzip.
 */
public final class LiveServer implements AutoCloseable {
    private final HttpServer server;
    /**
     * Platform threads, not virtual ones: a scrape encodes every family (protobuf, gzip), and on a virtual
     * thread it would hold one of the carriers the virtual users run on (quick mode against a local target
     * runs them on one carrier) for as long. Two threads: a scrape and a browser at once.
     */
    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().daemon().name("carga-live-", 0).factory());
    private final Listen listen;
    private final Filter auth;

    private LiveServer(HttpServer server, Listen listen) {
        this.server = server;
        this.listen = listen;
        this.auth = new TokenFilter(listen.token());
    }

    /**
     * Binds and starts the server with {@code /metrics} serving {@code registry}.
     *
     * @throws IllegalArgumentException with one line for the user when the address cannot be bound
     */
    public static LiveServer start(Listen listen, PrometheusRegistry registry) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 0);
        } catch (BindException e) {
            throw new IllegalArgumentException("--listen " + listen.host() + ":" + listen.port() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--listen " + listen.host() + ":" + listen.port() + ": cannot listen (" + e.getMessage() + ")");
        }
        LiveServer s = new LiveServer(http, listen);
        http.setExecutor(s.executor);
        s.route("/metrics", new MetricsHandler(registry));
        s.route("/-/healthy", ex -> text(ex, 200, "carga is up\n"));
        http.start();
        return s;
    }

    /** Serves {@code path} and everything under it with {@code handler}, behind the token check. */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, handler).getFilters().add(auth);
    }

    /** {@code http://host:port}, as a browser or Prometheus would reach it. */
    public String baseUrl() {
        InetSocketAddress a = server.getAddress();
        String host = listen.host().contains(":") ? "[" + listen.host() + "]" : listen.host();
        return "http://" + host + ":" + a.getPort();
    }

    public String metricsUrl() {
        return baseUrl() + "/metrics";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once: requests in progress get a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }

    static void text(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (var out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /**
     * Checks {@code Authorization: Bearer TOKEN} on every request when a token is set. Prometheus sends it
     * with {@code authorization: {credentials: TOKEN}} in its scrape config. A GET may carry it as
     * {@code ?token=TOKEN} instead, so that a browser can open the page and its downloads; a call that changes
     * something needs the header, which a page on another origin cannot send without the server's consent.
     */
    private static final class TokenFilter extends Filter {
        private final byte[] expected;

        TokenFilter(String token) {
            this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void doFilter(HttpExchange ex, Chain chain) throws IOException {
            if (expected != null) {
                String given = ex.getRequestHeaders().getFirst("Authorization");
                if (given == null && (ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD"))) {
                    String q = queryToken(ex.getRequestURI().getRawQuery());
                    given = q == null ? null : "Bearer " + q;
                }
                // constant time, so the token cannot be guessed a byte at a time
                if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"carga\"");
                    text(ex, 401, "carga: this server needs its token (Authorization: Bearer ...)\n");
                    return;
                }
            }
            chain.doFilter(ex);
        }

        private static String queryToken(String rawQuery) {
            if (rawQuery == null) {
                return null;
            }
            for (String kv : rawQuery.split("&")) {
                if (kv.startsWith("token=")) {
                    return java.net.URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public String description() {
            return "carga's bearer token";
        }
    }
}
