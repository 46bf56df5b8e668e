package io.carga.http;

import io.carga.core.load.Durations;
import io.carga.http.client.ClientConfig;
import io.carga.http.client.Pooling;
import io.carga.http.client.TlsConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the HTTP options of a run from its properties (command line or plan file) into a {@link ClientConfig}.
 * Every option has the client's default ({@link ClientConfig#defaults()}) when absent.
 *
 * <table>
 *   <tr><th>property</th><th>value</th></tr>
 *   <tr><td>{@code http.connect-timeout}</td><td>a duration, {@code 10s}</td></tr>
 *   <tr><td>{@code http.response-timeout}</td><td>a duration, {@code 60s}</td></tr>
 *   <tr><td>{@code http.follow-redirects}</td><td>{@code true} / {@code false}</td></tr>
 *   <tr><td>{@code http.gzip}</td><td>{@code true} / {@code false}: send {@code Accept-Encoding: gzip}</td></tr>
 *   <tr><td>{@code http.trust-cert}</td><td>a PEM file: a staging certificate to trust besides the JDK's CAs</td></tr>
 *   <tr><td>{@code http.insecure}</td><td>{@code true}: trust any certificate (test servers only)</td></tr>
 *   <tr><td>{@code http.pooling}</td><td>{@code per-user} (default) or {@code shared:N}</td></tr>
 * </table>
 */
public final class HttpSettings {

    public static final String CONNECT_TIMEOUT = "http.connect-timeout";
    public static final String RESPONSE_TIMEOUT = "http.response-timeout";
    public static final String FOLLOW_REDIRECTS = "http.follow-redirects";
    public static final String GZIP = "http.gzip";
    public static final String TRUST_CERT = "http.trust-cert";
    public static final String INSECURE = "http.insecure";
    public static final String POOLING = "http.pooling";

    private HttpSettings() {
    }

    /** The client configuration the properties describe; a malformed value throws naming the property. */
    public static ClientConfig clientConfig(Map<String, String> p) {
        ClientConfig c = ClientConfig.defaults();
        if (p.containsKey(CONNECT_TIMEOUT)) {
            c = c.withConnectTimeout(duration(p, CONNECT_TIMEOUT));
        }
        if (p.containsKey(RESPONSE_TIMEOUT)) {
            c = c.withResponseTimeout(duration(p, RESPONSE_TIMEOUT));
        }
        if (p.containsKey(FOLLOW_REDIRECTS)) {
            c = c.withFollowRedirects(bool(p, FOLLOW_REDIRECTS));
        }
        if (p.containsKey(GZIP)) {
            c = c.withAcceptGzip(bool(p, GZIP));
        }
        if (p.containsKey(TRUST_CERT)) {
            c = c.withTls(TlsConfig.trustCertificate(Path.of(p.get(TRUST_CERT))));
        }
        if (p.containsKey(INSECURE) && bool(p, INSECURE)) {
            c = c.withTls(TlsConfig.insecureTrustAll());
        }
        return c.withPooling(pooling(p));
    }

    /** {@code per-user} or {@code shared:N}. */
    public static Pooling pooling(Map<String, String> p) {
        String v = p.getOrDefault(POOLING, "per-user").trim().toLowerCase(Locale.ROOT);
        if (v.equals("per-user")) {
            return Pooling.perUser();
        }
        if (v.startsWith("shared:")) {
            try {
                return Pooling.shared(Integer.parseInt(v.substring(7)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(POOLING + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(POOLING + " must be per-user or shared:N, not '" + v + "'");
    }

    static String format(Pooling pooling) {
        return pooling instanceof Pooling.Shared s ? "shared:" + s.maxConnections() : "per-user";
    }

    private static java.time.Duration duration(Map<String, String> p, String key) {
        try {
            return Durations.parse(p.get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static boolean bool(Map<String, String> p, String key) {
        String v = p.get(key).trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
    }
}
