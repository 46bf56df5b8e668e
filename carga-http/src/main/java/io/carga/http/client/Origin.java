package io.carga.http.client;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port: the key under which connections are kept.
 *
 * @param secure true for https
 */
public record Origin(boolean secure, String host, int port) {

    public Origin {
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The origin of an absolute http or https URI. */
    public static Origin of(URI uri) {
        String scheme = uri.getScheme();
        boolean secure;
        if ("http".equalsIgnoreCase(scheme)) {
            secure = false;
        } else if ("https".equalsIgnoreCase(scheme)) {
            secure = true;
        } else {
            throw new IllegalArgumentException("not an http or https URL: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + uri);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        return new Origin(secure, host, port);
    }

    /** The value of the {@code Host} header: the port is left out when it is the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (secure ? 443 : 80) ? h : h + ":" + port;
    }

    @Override
    public String toString() {
        return (secure ? "https://" : "http://") + hostHeader();
    }
}
