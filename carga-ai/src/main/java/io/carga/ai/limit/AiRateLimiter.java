package io.carga.ai.limit;

import io.carga.ai.cost.AiConfigException;
import io.carga.core.api.UserContext;
import java.time.Duration;

/**
 * A token bucket shared by every virtual user of a run (the spec's 100 AI requests/min during tests).
 * {@link #acquire} reserves the next free slot and sleeps until it: requests are admitted at the set rate,
 * at most {@code burst} at once, in arrival order. The caller keeps the request's intended start from
 * before the wait, so the delay shows in its latency. Thread-safe; the lock is held only to reserve.
 *
 * <pre>{@code
 * AiRateLimiter limiter = context().shared(AiRateLimiter.class, () -> AiRateLimiter.perMinute(100, 1));
 * limiter.acquire(context());
 * }</pre>
 */
public final class AiRateLimiter {
    private final long intervalNanos;
    private final long burstNanos;
    private long nextFree;
    private volatile double factor = 1.0;

    /**
     * @param permitsPerSecond the sustained rate
     * @param burst            requests admitted back to back after an idle period (at least 1)
     */
    public AiRateLimiter(double permitsPerSecond, int burst) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new AiConfigException("AI rate limit must be a positive rate, was " + permitsPerSecond + "/s");
        }
        if (burst < 1) {
            throw new AiConfigException("AI rate limit burst must be at least 1, was " + burst);
        }
        this.intervalNanos = Math.max(1, (long) (1e9 / permitsPerSecond));
        this.burstNanos = (burst - 1) * intervalNanos;
    }

    public static AiRateLimiter perMinute(double permits, int burst) {
        return new AiRateLimiter(permits / 60.0, burst);
    }

    /** Parses {@code 100/min}, {@code 5/s}, {@code 3000/h}. */
    public static AiRateLimiter parse(String text, int burst) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0) {
            throw new AiConfigException("ai.rate-limit: expected <n>/s, <n>/min or <n>/h, was '" + text + "'");
        }
        double n;
        try {
            n = Double.parseDouble(t.substring(0, slash).strip());
        } catch (NumberFormatException e) {
            throw new AiConfigException("ai.rate-limit: '" + t.substring(0, slash) + "' is not a number");
        }
        double per = switch (t.substring(slash + 1).strip()) {
            case "s", "sec", "second" -> 1;
            case "m", "min", "minute" -> 60;
            case "h", "hour" -> 3600;
            default -> throw new AiConfigException("ai.rate-limit: unknown unit in '" + text + "'; use s, min or h");
        };
        return new AiRateLimiter(n / per, burst);
    }

    /** Reserves a slot at {@code now} and returns when it starts (nanoTime). */
    public long reserve(long now) {
        long step = (long) (intervalNanos / factor);
        synchronized (this) {
            long at = Math.max(nextFree, now - burstNanos);
            nextFree = at + step;
            return Math.max(at, now);
        }
    }

    /**
     * Waits for a slot on the user's clock. Returns false when the run stopped meanwhile (send nothing then).
     */
    public boolean acquire(UserContext ctx) {
        long now = ctx.nanoTime();
        long at = reserve(now);
        return at <= now || ctx.sleepUntil(at);
    }

    /** Slows the rate to {@code factor} (0..1] of the set one: the budget guard's ramp-down. */
    public void slowDown(double f) {
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], was " + f);
        }
        this.factor = f;
    }

    public double factor() {
        return factor;
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }
}
