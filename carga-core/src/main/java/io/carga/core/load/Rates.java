package io.carga.core.load;

/**
 * Parses arrival rates.
 *
 * <pre>
 * rate := number ['/' unit]     e.g. 100/s, 6000/m, 50/h, 2.5/s, 100
 * unit := 's' | 'm' | 'h'       (a bare number is per second)
 * </pre>
 * The result is iterations per second; it must be positive.
 */
public final class Rates {
    private Rates() {
    }

    public static double perSecond(String text) {
        return perSecond(text, false);
    }

    /** As {@link #perSecond(String)}; a stage target may also be zero (a ramp down to {@code 0/s}). */
    static double perSecond(String text, boolean zeroAllowed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty rate");
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        String number = slash < 0 ? s : s.substring(0, slash);
        String unit = slash < 0 ? "s" : s.substring(slash + 1);
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw bad(text);
        }
        double divisor = switch (unit) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            default -> throw bad(text);
        };
        if (!(value > 0 || zeroAllowed && value == 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("rate must be positive: '" + text + "'");
        }
        return value / divisor;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("malformed rate '" + text + "' (expected e.g. 100/s, 6000/m)");
    }
}
