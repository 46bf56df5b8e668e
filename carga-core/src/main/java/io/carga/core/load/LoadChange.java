package io.carga.core.load;

/**
 * A change made to a running run's load, as its results record it and its report draws it.
 *
 * @param epochMs        wall-clock time of the change
 * @param elapsedSeconds seconds since the run's clock started
 * @param quantity       {@link #USERS} (a closed model's population) or {@link #RATE} (an open model's
 *                       iterations per second)
 * @param from           the wanted value just before the change
 * @param to             the value asked for
 * @param by             who asked: {@code ui}, {@code api}, or an output's name
 */
public record LoadChange(long epochMs, double elapsedSeconds, String quantity, double from, double to, String by) {
    public static final String USERS = "users";
    public static final String RATE = "rate";

    /** {@code users 10 → 30 (ui, at 12.0 s)}: the line the console prints. */
    public String describe() {
        String unit = quantity.equals(RATE) ? "/s" : "";
        return String.format(java.util.Locale.ROOT, "%s %s%s → %s%s (%s, at %.1f s)", quantity, num(from), unit, num(to), unit,
                by, elapsedSeconds);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
