package io.carga.core.threshold;

import java.util.Locale;

/**
 * What a metric measures, which fixes the units its limit may be written in and how values are shown.
 * Canonical units: milliseconds for {@link #TIME}, a fraction for {@link #RATIO}, per second for
 * {@link #RATE}, the plain amount for {@link #MONEY} and {@link #COUNT}.
 */
public enum Kind {
    TIME, RATIO, RATE, COUNT, MONEY, SCORE;

    /** A canonical value for people: {@code 612.4ms}, {@code 1.25%}, {@code 48.2/s}, {@code R$ 12.00}. */
    public String format(double v, String currency) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (this) {
            case TIME -> v >= 1000 ? trim(v / 1000) + "s" : trim(v) + "ms";
            case RATIO -> trim(v * 100) + "%";
            case RATE -> trim(v) + "/s";
            case MONEY -> (currency == null ? "" : currency + " ") + money(v);
            case COUNT, SCORE -> trim(v);
        };
    }

    /**
     * A measured value shown no more precisely than it was measured: latencies come from histograms
     * with 3 significant digits, so they are rounded to 3 significant digits.
     */
    public String formatMeasured(double v, String currency) {
        if (this == TIME && !Double.isNaN(v) && v != 0) {
            v = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
        }
        return format(v, currency);
    }

    /**
     * Cents from one unit up; below, three significant digits, so that R$ 0.000512 a request does not show as
     * R$ 0.00.
     */
    static String money(double v) {
        if (v == 0 || Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        return d.scale() < 2 ? d.setScale(2).toPlainString() : d.toPlainString();
    }

    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
