package io.carga.http.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One immutable HTTP request: method, absolute URL, headers, body and per-request options. A request can be
 * sent any number of times; its request line and headers are encoded once and cached.
 *
 * <pre>{@code
 * HttpRequest r = HttpRequest.builder(Method.POST, "http://127.0.0.1:8080/api/v1/ai/generate")
 *         .header("Accept", "application/json")
 *         .query("model", "gemini-2.5-flash")
 *         .body(RequestBody.json("{\"prompt\":\"oi\"}"))
 *         .timeout(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 */
public final class HttpRequest {

    private final Method method;
    private final URI uri;
    private final Origin origin;
    private final Headers headers;
    private final RequestBody body;
    private final Duration timeout;
    private final Boolean followRedirects;
    private volatile byte[] headGzip;    // request line + headers + CRLF, with Accept-Encoding: gzip
    private volatile byte[] headPlain;   // the same without it

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.uri = b.query == null ? b.uri : withQuery(b.uri, b.query.toString());
        this.origin = b.origin;   // a query string leaves scheme, host and port as they were
        this.headers = b.headers.build();
        this.body = b.body;
        this.timeout = b.timeout;
        this.followRedirects = b.followRedirects;
    }

    public static Builder builder(Method method, String url) {
        URI uri = parseUrl(url);
        return new Builder(method, uri, Origin.of(uri));
    }

    public static Builder builder(Method method, URI uri) {
        return new Builder(method, uri, Origin.of(uri));
    }

    /** As {@link #builder(Method, URI)}, with {@code origin} already known to be {@code Origin.of(uri)}. */
    public static Builder builder(Method method, URI uri, Origin origin) {
        return new Builder(method, uri, origin);
    }

    public static HttpRequest get(String url) {
        return builder(Method.GET, url).build();
    }

    /** Parses an absolute http(s) URL, with a message that names the URL when it is malformed. */
    public static URI parseUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("malformed URL: null");
        }
        try {
            URI uri = new URI(url);
            Origin.of(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL '" + url + "': " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed URL '" + url + "': " + e.getMessage(), e);
        }
    }

    public Method method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public Origin origin() {
        return origin;
    }

    public Headers headers() {
        return headers;
    }

    public RequestBody body() {
        return body;
    }

    /** The response timeout of this request, or null for the client's. */
    public Duration timeout() {
        return timeout;
    }

    /** Whether to follow redirects, or null for the client's setting. */
    public Boolean followRedirects() {
        return followRedirects;
    }

    /** Path and query as sent on the request line. */
    public String target() {
        String p = uri.getRawPath();
        if (p == null || p.isEmpty()) {
            p = "/";
        }
        return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }

    /** A builder that starts as a copy of this request. */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri, origin);
        b.headers.addAll(headers);
        b.body = body;
        b.timeout = timeout;
        b.followRedirects = followRedirects;
        return b;
    }

    /** The encoded head, ending with the blank line. Cached: the quick mode re-sends the same bytes. */
    byte[] head(boolean acceptGzip) {
        byte[] h = acceptGzip ? headGzip : headPlain;
        if (h == null) {
            h = encodeHead(acceptGzip);
            if (acceptGzip) {
                headGzip = h;
            } else {
                headPlain = h;
            }
        }
        return h;
    }

    /**
     * What this request's head is made of, with the encodings made so far, but not the body: an Agent keeps
     * it so that the user's next request, when it would encode the same bytes, skips the encoding. A virtual
     * user mostly repeats its calls, and encoding the head anew was a visible share of the scenario API's
     * cost per request.
     */
    record HeadMemo(Method method, URI uri, Headers headers, String contentType, int bodyLength, byte[] plain,
                    byte[] gzip) {
    }

    HeadMemo memo() {
        return new HeadMemo(method, uri, headers, body.contentType(), body.length(), headPlain, headGzip);
    }

    /** Takes the earlier encodings when this request's head would be the same bytes (same method, URI, headers, body type and length). */
    void reuseHeadsOf(HeadMemo earlier) {
        if (earlier == null || method != earlier.method()
                || !(uri == earlier.uri() || uri.equals(earlier.uri())) || body.length() != earlier.bodyLength()
                || !java.util.Objects.equals(body.contentType(), earlier.contentType())
                || !sameHeaders(headers, earlier.headers())) {
            return;
        }
        if (headPlain == null) {
            headPlain = earlier.plain();
        }
        if (headGzip == null) {
            headGzip = earlier.gzip();
        }
    }

    private static boolean sameHeaders(Headers a, Headers b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.name(i).equals(b.name(i)) || !a.value(i).equals(b.value(i))) {
                return false;
            }
        }
        return true;
    }

    private byte[] encodeHead(boolean acceptGzip) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(method.name()).append(' ').append(target()).append(" HTTP/1.1\r\n");
        if (!headers.contains("Host")) {
            sb.append("Host: ").append(origin.hostHeader()).append("\r\n");
        }
        for (int i = 0; i < headers.size(); i++) {
            sb.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
        if (acceptGzip && !headers.contains("Accept-Encoding")) {
            sb.append("Accept-Encoding: gzip\r\n");
        }
        if (body.contentType() != null && !headers.contains("Content-Type")) {
            sb.append("Content-Type: ").append(body.contentType()).append("\r\n");
        }
        if (body.length() > 0 || method.expectsBody()) {
            sb.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static URI withQuery(URI uri, String extra) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        String fragmentless = hash >= 0 ? s.substring(0, hash) : s;
        return URI.create(fragmentless + (uri.getRawQuery() == null ? "?" : "&") + extra);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }

    /** Collects a request; {@link #build()} validates nothing more, every setter validates its argument. */
    public static final class Builder {
        private Method method;
        private URI uri;
        private Origin origin;
        private final Headers.Builder headers = Headers.builder();
        private StringBuilder query;
        private RequestBody body = RequestBody.EMPTY;
        private Duration timeout;
        private Boolean followRedirects;

        private Builder(Method method, URI uri, Origin origin) {
            if (method == null) {
                throw new IllegalArgumentException("method is null");
            }
            this.method = method;
            this.uri = uri;
            this.origin = origin;
        }

        public Builder method(Method m) {
            this.method = m;
            return this;
        }

        public Builder uri(URI u) {
            this.origin = Origin.of(u);
            this.uri = u;
            return this;
        }

        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        public Builder headers(Headers h) {
            headers.addAll(h);
            return this;
        }

        /** Appends a query parameter, URL-encoded as UTF-8. */
        public Builder query(String name, Object value) {
            if (query == null) {
                query = new StringBuilder();
            } else {
                query.append('&');
            }
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            return this;
        }

        public Builder body(RequestBody b) {
            this.body = b == null ? RequestBody.EMPTY : b;
            return this;
        }

        public Builder timeout(Duration d) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("timeout must be positive: " + d);
            }
            this.timeout = d;
            return this;
        }

        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
