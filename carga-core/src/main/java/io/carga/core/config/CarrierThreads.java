package io.carga.core.config;

import java.net.URI;
import java.util.Locale;

/**
 * How many carrier threads run the virtual users: the JDK's virtual-thread scheduler parallelism.
 *
 * <p>A wrk-like closed loop against a target on this machine (a loopback URL) leaves the target one core:
 * otherwise generator and target fight over every core, and the generator pays twice, in cross-core wake-ups
 * of idle carriers and in a slower target. On the 2-core reference machine one carrier cut quick mode's CPU
 * per request against a local nginx by about 6 % (bench/core/quick-vs-wrk.sh). Scenarios keep every core:
 * timers of 100,000 thinking users need them. The JDK reads the setting once, when the first virtual thread
 * starts, so {@link #apply} must run before that; a {@code -Djdk.virtualThreadScheduler.parallelism} given on
 * the command line wins.
 */
public final class CarrierThreads {
    static final String PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private CarrierThreads() {
    }

    /** The carrier count for a machine with {@code cores} cores, given where the target runs. */
    public static int plan(int cores, boolean localTarget) {
        return localTarget ? Math.max(1, cores - 1) : cores;
    }

    /**
     * Sets the carrier count for this target (a URL, or null when unknown) unless one was set already, and
     * returns the count in force.
     */
    public static int apply(String targetUrl, Integer requested) {
        if (System.getProperty(PROPERTY) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            int n = requested != null ? requested : plan(cores, isLoopback(targetUrl));
            System.setProperty(PROPERTY, Integer.toString(n));
        }
        return inForce();
    }

    /** The carrier count the scheduler uses (or will use): the property, else every core. */
    public static int inForce() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            String p = System.getProperty(PROPERTY);
            return p == null ? cores : Math.max(1, Integer.parseInt(p.trim()));
        } catch (NumberFormatException e) {
            return cores;
        }
    }

    /** True for http(s) URLs whose host is localhost or a loopback literal; names are not resolved. */
    static boolean isLoopback(String url) {
        if (url == null) {
            return false;
        }
        String host;
        try {
            host = URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
