package io.carga.core.config;

import java.time.Duration;

/** Every default of a run, in one place. */
public final class Defaults {
    private Defaults() {
    }

    /** Every run stops after this, whatever its plan (the spec's "tests stop after 2 hours"). */
    public static final Duration MAX_DURATION = Duration.ofHours(2);
    /** In-flight work may finish for this long after a stop. */
    public static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);
    /** Metrics are snapshotted, logged and shown at this interval. */
    public static final Duration INTERVAL = Duration.ofSeconds(1);
    /** A run without --duration, --stages or --iterations lasts this long. */
    public static final Duration DURATION = Duration.ofSeconds(30);
    /** Open models cap in-flight iterations at this unless told otherwise. */
    public static final int MAX_CONCURRENCY = 1000;
    /** The console progress line is printed this often. */
    public static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** A fresh seed when none is given (printed, so the run can be repeated). */
    public static long seed() {
        return System.nanoTime() ^ 0x5DEECE66DL;
    }
}
