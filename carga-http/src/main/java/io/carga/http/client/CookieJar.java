package io.carga.http.client;

import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The cookies of one virtual user (RFC 6265 matching, simplified: host-only or domain cookies, path prefix,
 * Secure, Max-Age/Expires). Not thread-safe: an {@link Agent} is used by one virtual user.
 */
public final class CookieJar {

    private record Cookie(String name, String value, String domain, boolean hostOnly, String path,
                          boolean secure, long expiresAtMillis) {
    }

    private final List<Cookie> cookies = new ArrayList<>();

    /** Stores the {@code Set-Cookie} fields of a response from {@code uri}. */
    public void store(URI uri, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.nameIs(i, "Set-Cookie")) {
                store(uri, headers.value(i));
            }
        }
    }

    /** Stores one {@code Set-Cookie} value; a malformed one is ignored, as browsers do. */
    public void store(URI uri, String setCookie) {
        List<HttpCookie> parsed;
        try {
            parsed = HttpCookie.parse("Set-Cookie: " + setCookie);
        } catch (IllegalArgumentException e) {
            return;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        for (HttpCookie c : parsed) {
            String domain = c.getDomain();
            boolean hostOnly = domain == null || domain.isEmpty();
            domain = hostOnly ? host : domain.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
            if (!hostOnly && !domainMatches(host, domain)) {
                continue;
            }
            String path = c.getPath();
            if (path == null || !path.startsWith("/")) {
                path = defaultPath(uri);
            }
            long maxAge = c.getMaxAge();
            long expires = maxAge < 0 ? Long.MAX_VALUE : now + maxAge * 1000;
            remove(c.getName(), domain, path);
            if (maxAge != 0) {
                cookies.add(new Cookie(c.getName(), c.getValue(), domain, hostOnly, path, c.getSecure(), expires));
            }
        }
    }

    /** The {@code Cookie} header value for a request to {@code uri}, or null when no cookie applies. */
    public String header(URI uri) {
        if (cookies.isEmpty()) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        long now = System.currentTimeMillis();
        StringBuilder sb = null;
        for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
            Cookie c = it.next();
            if (c.expiresAtMillis <= now) {
                it.remove();
                continue;
            }
            boolean hostOk = c.hostOnly ? host.equals(c.domain) : domainMatches(host, c.domain);
            if (hostOk && pathMatches(path, c.path) && (!c.secure || https)) {
                sb = sb == null ? new StringBuilder() : sb.append("; ");
                sb.append(c.name).append('=').append(c.value);
            }
        }
        return sb == null ? null : sb.toString();
    }

    /** Sets a cookie by hand, as if {@code host} had sent it for path {@code /}. */
    public void put(String host, String name, String value) {
        String h = host.toLowerCase(Locale.ROOT);
        remove(name, h, "/");
        cookies.add(new Cookie(name, value, h, true, "/", false, Long.MAX_VALUE));
    }

    /** The value of the first cookie with this name, or null. */
    public String value(String name) {
        for (Cookie c : cookies) {
            if (c.name.equals(name)) {
                return c.value;
            }
        }
        return null;
    }

    public void clear() {
        cookies.clear();
    }

    public int size() {
        return cookies.size();
    }

    private void remove(String name, String domain, String path) {
        cookies.removeIf(c -> c.name.equals(name) && c.domain.equals(domain) && c.path.equals(path));
    }

    private static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (host.endsWith("." + domain) && !host.matches("[0-9.]+"));
    }

    private static boolean pathMatches(String path, String cookiePath) {
        return path.startsWith(cookiePath)
                && (path.length() == cookiePath.length() || cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/');
    }

    private static String defaultPath(URI uri) {
        String p = uri.getRawPath();
        if (p == null || !p.startsWith("/")) {
            return "/";
        }
        int last = p.lastIndexOf('/');
        return last <= 0 ? "/" : p.substring(0, last);
    }
}
