package io.carga.platform.llm;

import java.util.function.LongSupplier;

/**
 * Holds the current {@link FaultSettings} (swapped at run time by the admin endpoint) and answers
 * "is the provider stalled right now?". Stalls are periodic in wall-clock time from when the settings
 * were applied, so every call in flight pauses at once, as when a real provider has a hiccup.
 */
public final class FaultController {
    private final LongSupplier nanoClock;
    private volatile FaultSettings settings;
    private volatile long epochNanos;

    public FaultController(FaultSettings initial, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        set(initial);
    }

    public FaultSettings get() {
        return settings;
    }

    public void set(FaultSettings s) {
        this.epochNanos = nanoClock.getAsLong();
        this.settings = s;
    }

    /** If the provider is stalled at {@code now}, when the stall ends; otherwise 0. */
    long stallEndAt(long now) {
        FaultSettings s = settings;
        if (s.stallEveryMs() <= 0 || s.stallForMs() <= 0) {
            return 0;
        }
        long every = s.stallEveryMs() * 1_000_000;
        long since = now - epochNanos;
        long into = Math.floorMod(since, every);
        long windowStart = since - into;
        // The first window opens one full period after the settings were applied, not immediately.
        if (windowStart <= 0 || into >= s.stallForMs() * 1_000_000) {
            return 0;
        }
        return epochNanos + windowStart + s.stallForMs() * 1_000_000;
    }

    /** When the next stall starts after {@code now} (Long.MAX_VALUE when stalls are off). */
    long nextStallStart(long now) {
        FaultSettings s = settings;
        if (s.stallEveryMs() <= 0 || s.stallForMs() <= 0) {
            return Long.MAX_VALUE;
        }
        long every = s.stallEveryMs() * 1_000_000;
        long since = now - epochNanos;
        return epochNanos + (Math.floorDiv(since, every) + 1) * every;
    }
}
