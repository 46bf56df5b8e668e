package io.carga.report.baseline;

import java.util.Locale;

/** A figure two runs are compared on, and which way is worse. */
public enum Figure {
    P50("p50", true), P95("p95", true), P99("p99", true), ERROR_RATE("error_rate", true), RPS("rps", false),
    COST("cost_per_request", true);

    /** Error rates below this are raised to it before the relative change is taken, so 0 % → 0.1 % is not "infinitely worse". */
    public static final double ERROR_RATE_FLOOR = 0.005;
    /** Latency changes smaller than this are noise, whatever their percentage. */
    public static final double LATENCY_FLOOR_MS = 0.5;

    private final String key;
    private final boolean higherIsWorse;

    Figure(String key, boolean higherIsWorse) {
        this.key = key;
        this.higherIsWorse = higherIsWorse;
    }

    public String key() {
        return key;
    }

    public boolean higherIsWorse() {
        return higherIsWorse;
    }

    /** Parses "p95", "error_rate", "rps"… (case-insensitive, '-' or '_'). */
    public static Figure parse(String text) {
        String k = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Figure f : values()) {
            if (f.key.equals(k) || f.name().toLowerCase(Locale.ROOT).equals(k) || (f == COST && k.equals("cost"))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown figure '" + text + "' (p50, p95, p99, error_rate, rps, cost)");
    }

    /**
     * How much worse {@code current} is than {@code base}, as a fraction (0.3 = 30 % worse, negative
     * when better).
     */
    public double worsening(double base, double current) {
        if (this == ERROR_RATE) {
            base = Math.max(base, ERROR_RATE_FLOOR);
            current = Math.max(current, ERROR_RATE_FLOOR);
        }
        if (isLatency() && Math.abs(current - base) < LATENCY_FLOOR_MS) {
            return 0;
        }
        if (base == 0) {
            return current == 0 ? 0 : (higherIsWorse ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        double change = (current - base) / base;
        return higherIsWorse ? change : -change;
    }

    boolean isLatency() {
        return this == P50 || this == P95 || this == P99;
    }
}
