package io.carga.http.client;

import java.time.Duration;

/**
 * Settings of an {@link HttpClient}; immutable. Defaults live in {@link #defaults()}.
 *
 * @param connectTimeout  the longest wait for TCP connect plus the TLS handshake
 * @param responseTimeout the longest wait from sending a request to its last body byte (a request may set its own)
 * @param followRedirects follow 301, 302, 303, 307 and 308 (a request may override)
 * @param maxRedirects    the most redirects followed for one request
 * @param acceptGzip      send {@code Accept-Encoding: gzip} and inflate gzip bodies of buffered responses
 * @param tls             how servers are trusted
 * @param pooling         per-user connections or one shared pool
 */
public record ClientConfig(Duration connectTimeout, Duration responseTimeout, boolean followRedirects,
                           int maxRedirects, boolean acceptGzip, TlsConfig tls, Pooling pooling) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    public ClientConfig {
        positive("connect timeout", connectTimeout);
        positive("response timeout", responseTimeout);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("max redirects must not be negative: " + maxRedirects);
        }
        if (tls == null || pooling == null) {
            throw new IllegalArgumentException("tls and pooling are required");
        }
    }

    /** 10 s connect, 60 s response, redirects followed (at most 10), gzip accepted, JDK trust, per-user connections. */
    public static ClientConfig defaults() {
        return new ClientConfig(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, true, DEFAULT_MAX_REDIRECTS,
                true, TlsConfig.system(), Pooling.perUser());
    }

    public ClientConfig withConnectTimeout(Duration d) {
        return new ClientConfig(d, responseTimeout, followRedirects, maxRedirects, acceptGzip, tls, pooling);
    }

    public ClientConfig withResponseTimeout(Duration d) {
        return new ClientConfig(connectTimeout, d, followRedirects, maxRedirects, acceptGzip, tls, pooling);
    }

    public ClientConfig withFollowRedirects(boolean follow) {
        return new ClientConfig(connectTimeout, responseTimeout, follow, maxRedirects, acceptGzip, tls, pooling);
    }

    public ClientConfig withMaxRedirects(int max) {
        return new ClientConfig(connectTimeout, responseTimeout, followRedirects, max, acceptGzip, tls, pooling);
    }

    public ClientConfig withAcceptGzip(boolean gzip) {
        return new ClientConfig(connectTimeout, responseTimeout, followRedirects, maxRedirects, gzip, tls, pooling);
    }

    public ClientConfig withTls(TlsConfig t) {
        return new ClientConfig(connectTimeout, responseTimeout, followRedirects, maxRedirects, acceptGzip, t, pooling);
    }

    public ClientConfig withPooling(Pooling p) {
        return new ClientConfig(connectTimeout, responseTimeout, followRedirects, maxRedirects, acceptGzip, tls, p);
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
