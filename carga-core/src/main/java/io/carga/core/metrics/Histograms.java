package io.carga.core.metrics;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The one place that fixes how carga stores times: microseconds, 1 µs to 1 h, 3 significant digits.
 * Values outside the range are clamped rather than dropped, so a count is never lost.
 */
public final class Histograms {
    /** Highest trackable value: one hour in microseconds. */
    public static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    public static Recorder newRecorder() {
        return new Recorder(1, MAX_MICROS, SIGNIFICANT_DIGITS);
    }

    public static Histogram newHistogram() {
        return new Histogram(1, MAX_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Nanoseconds to clamped microseconds, rounding to nearest. */
    public static long micros(long nanos) {
        long us = (nanos + 500) / 1000;
        return us < 0 ? 0 : Math.min(us, MAX_MICROS);
    }

    /** A histogram value (µs) in milliseconds. */
    public static double ms(double micros) {
        return micros / 1000.0;
    }
}
