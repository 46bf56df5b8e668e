package io.carga.http.client;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A complete response: status, headers, the body (inflated when it came gzip-encoded) and the timings. When
 * the body went to a {@link BodySink}, {@link #body()} is empty.
 */
public final class HttpResponse {

    private final URI uri;
    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final Timings timings;
    private String text;

    HttpResponse(URI uri, int status, Headers headers, byte[] body, Timings timings) {
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.timings = timings;
    }

    /** The URL that answered: the last one after redirects. */
    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    /** The body bytes; not a copy, do not change them. */
    public byte[] body() {
        return body;
    }

    /** The body decoded with the charset of its Content-Type, UTF-8 when none is named. */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(body, charset());
            text = t;
        }
        return t;
    }

    public Timings timings() {
        return timings;
    }

    private Charset charset() {
        String ct = headers.first("Content-Type");
        if (ct != null) {
            int i = ct.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                String name = ct.substring(i + 8).split("[;\\s]", 2)[0].replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return status + " " + uri;
    }
}
