package io.carga.observe.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Where the live server listens, and who may talk to it.
 *
 * <p>Grammar of {@code --listen}: {@code PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}; the host
 * defaults to 127.0.0.1 and port 0 picks a free one. Anything but a loopback address needs a token:
 * the run's state and its controls would otherwise be open to the network.
 *
 * @param host   the address to bind
 * @param port   the port, 0 for any free one
 * @param token  the bearer token every request must carry, or null (loopback only)
 * @param linger how long the server stays up after the run, so a scraper gets the last interval
 */
public record Listen(String host, int port, String token, Duration linger) {
    /** The default linger when {@code --listen} is given: longer than a 1 s scrape, short enough to wait for. */
    public static final Duration DEFAULT_LINGER = Duration.ofSeconds(5);
    /** The environment variable that may hold the token instead of {@code --listen-token}. */
    public static final String TOKEN_ENV = "CARGA_LISTEN_TOKEN";

    public Listen {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen: port " + port + " is not between 0 and 65535");
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("--linger must be zero or more");
        }
        if (token == null && !loopback(host)) {
            throw new IllegalArgumentException("--listen " + host + ":" + port + " is not a loopback address: set a token"
                    + " with --listen-token or " + TOKEN_ENV + " (every request must then carry it)");
        }
    }

    /** Parses {@code [HOST:]PORT}; the token and linger come from their own options. */
    public static Listen parse(String spec, String token, Duration linger) {
        String s = spec.trim();
        String host = "127.0.0.1";
        String port = s;
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            host = s.substring(0, colon);
            port = s.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                host = "127.0.0.1";
            }
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen '" + spec + "': expected [HOST:]PORT, such as 9100 or 0.0.0.0:9100");
        }
        return new Listen(host, p, token, linger == null ? DEFAULT_LINGER : linger);
    }

    /** A free loopback port, no token: what {@code carga demo} and tests use. */
    public static Listen anyLoopbackPort(Duration linger) {
        return new Listen("127.0.0.1", 0, null, linger);
    }

    static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // only literal addresses are judged: a name is resolved by nobody here, so it needs a token
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return false;
            }
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
