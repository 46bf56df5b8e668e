package io.carga.pgbench.script;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** The few C {@code printf} conversions pgbench's output relies on, reproduced exactly. */
public final class CFormat {
    private CFormat() {}

    private static final MathContext G15 = new MathContext(15, RoundingMode.HALF_EVEN);

    /** C's {@code %.15g} (pgbench prints doubles with {@code %.*g, DBL_DIG}). */
    public static String g15(double v) {
        if (Double.isNaN(v)) return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0.0) return (1.0 / v < 0) ? "-0" : "0";
        // glibc rounds the exact binary value, half-to-even: BigDecimal(double) is exact
        BigDecimal rounded = new BigDecimal(v).round(G15);
        int exp = rounded.precision() - rounded.scale() - 1; // decimal exponent of the leading digit
        String s;
        if (exp < -4 || exp >= 15) {
            BigDecimal mant = rounded.movePointLeft(exp);
            s = strip(mant.setScale(14, RoundingMode.UNNECESSARY).toPlainString());
            s = s + (exp < 0 ? "e-" : "e+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        } else {
            s = strip(rounded.setScale(Math.max(0, 14 - exp), RoundingMode.UNNECESSARY).toPlainString());
        }
        return s;
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /** C's {@code %f}. */
    public static String f6(double v) {
        return fixed(v, 6);
    }

    /** C's {@code %.Nf} (half-to-even on the exact binary value, as glibc). */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            if (!s.startsWith("-")) s = "-" + s; // glibc keeps the sign of negative values rounding to zero
        }
        return s;
    }

    /** {@code String.format} with the C locale, for widths and padding. */
    public static String c(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
