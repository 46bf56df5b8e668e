package io.carga.shadow.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One server the proxy sends to (primary, candidate or secondary), through a JDK {@link HttpClient} of its own, so a
 * dead candidate's connections and selector never touch the primary's. HTTP/1.1, no redirects followed: the client
 * gets the primary's answer as the primary gave it.
 */
public final class Upstream implements AutoCloseable {
    /** Marks mirrored requests, so a candidate can tell shadow traffic from its own. */
    public static final String SHADOW_HEADER = "X-Carga-Shadow";
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout how long one answer may take, body included, before it is abandoned */
    public Upstream(URI base, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    /** The request {@code r} as it goes to this server: the same method, target, end-to-end headers and body. */
    HttpRequest request(CapturedRequest r, boolean mirrored) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.target())).timeout(timeout)
                .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach((name, values) -> {
            if (!HopByHop.is(name)) {
                values.forEach(v -> b.header(name, v));
            }
        });
        if (mirrored) {
            b.header(SHADOW_HEADER, "1");
        }
        return b.build();
    }

    /** Sends {@code r} and reads the whole answer (its first {@link Answer#MAX_BODY} bytes kept). */
    public Answer fetch(CapturedRequest r, boolean mirrored) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> res = client.send(request(r, mirrored), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = res.body()) {
            byte[] body = in.readNBytes(Answer.MAX_BODY);
            boolean more = in.read() >= 0;
            if (more) {
                in.transferTo(java.io.OutputStream.nullOutputStream()); // so the connection can be reused
            }
            return new Answer(res.statusCode(), endToEnd(res.headers().map()), body, more, System.nanoTime() - t0);
        }
    }

    HttpResponse<InputStream> open(CapturedRequest r) throws IOException, InterruptedException {
        return client.send(request(r, false), HttpResponse.BodyHandlers.ofInputStream());
    }

    static Map<String, List<String>> endToEnd(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!HopByHop.is(k) && !k.startsWith(":")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
