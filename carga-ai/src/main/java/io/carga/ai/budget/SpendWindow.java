package io.carga.ai.budget;

import java.time.Duration;

/**
 * AI spending over a sliding window (the budget's "per hour"), kept in a ring of time buckets so memory stays
 * fixed however many requests a run makes. A bucket is dropped once it is wholly older than the window, so
 * the sum covers between {@code window} and {@code window + one bucket}. Times are {@code nanoTime} values.
 * Thread-safe; the lock is held for a few additions.
 */
public final class SpendWindow {
    private final long bucketNanos;
    private final double[] sums;
    private long newest = Long.MIN_VALUE;
    private double total;
    private double peak;

    /** @param buckets how many buckets span {@code window} (its resolution) */
    public SpendWindow(Duration window, int buckets) {
        if (buckets < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a spend window needs a positive length and at least one bucket");
        }
        this.bucketNanos = Math.max(1, window.toNanos() / buckets);
        this.sums = new double[buckets + 1];
    }

    /** The budget's hour, at one-second resolution. */
    public static SpendWindow hour() {
        return new SpendWindow(Duration.ofHours(1), 3600);
    }

    /** Adds {@code brl} spent at {@code nanos}. */
    public synchronized void add(long nanos, double brl) {
        advance(nanos);
        // a caller that read the clock just before another one advanced the window books into the newest bucket
        sums[(int) Math.floorMod(newest, (long) sums.length)] += brl;
        total += brl;
        peak = Math.max(peak, total);
    }

    /** What was spent in the window ending at {@code nanos}. */
    public synchronized double sum(long nanos) {
        advance(nanos);
        return total;
    }

    /** The most the window ever held: the run's most expensive hour so far. */
    public synchronized double peak() {
        return peak;
    }

    private void advance(long nanos) {
        long id = nanos / bucketNanos;
        if (newest == Long.MIN_VALUE) {
            newest = id;
            return;
        }
        if (id <= newest) {
            return;
        }
        // buckets between the newest and now leave the window (all of them after a long pause)
        long steps = Math.min(id - newest, sums.length);
        for (long k = 1; k <= steps; k++) {
            int i = (int) Math.floorMod(newest + k, (long) sums.length);
            total -= sums[i];
            sums[i] = 0;
        }
        newest = id;
        if (total < 1e-12) {
            total = 0; // no drift below zero from subtracting what was added
        }
    }
}
