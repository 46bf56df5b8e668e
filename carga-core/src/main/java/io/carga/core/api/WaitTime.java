package io.carga.core.api;

import java.util.random.RandomGenerator;

/**
 * Think time: how long a virtual user waits after a task before the next one. Locust's three wait
 * functions plus constant throughput.
 *
 * <pre>{@code
 * public WaitTime waitTime() { return WaitTime.between(2, 8); }
 * }</pre>
 */
@FunctionalInterface
public interface WaitTime {
    /**
     * Nanoseconds to wait now.
     *
     * @param taskStart when the task that just finished started (nanoTime)
     * @param now       now (nanoTime)
     * @param random    the user's own random source, so {@code --seed} reproduces the run
     */
    long nanosAfter(long taskStart, long now, RandomGenerator random);

    /** No wait at all: the next task starts at once. */
    static WaitTime none() {
        return (start, now, random) -> 0;
    }

    /** A uniformly random wait between {@code min} and {@code max} seconds. */
    static WaitTime between(double minSeconds, double maxSeconds) {
        if (minSeconds < 0 || maxSeconds < minSeconds) {
            throw new IllegalArgumentException("between(" + minSeconds + ", " + maxSeconds + "): need 0 <= min <= max");
        }
        long min = seconds(minSeconds);
        long span = seconds(maxSeconds) - min;
        return (start, now, random) -> span == 0 ? min : min + random.nextLong(span + 1);
    }

    /** Always the same wait. */
    static WaitTime constant(double seconds) {
        long n = seconds(seconds);
        return (start, now, random) -> n;
    }

    /** Tasks start every {@code seconds} at most: the wait shrinks by however long the task took. */
    static WaitTime constantPacing(double seconds) {
        long period = seconds(seconds);
        return (start, now, random) -> Math.max(0, start + period - now);
    }

    /** At most {@code tasksPerSecond} tasks per second for this user. */
    static WaitTime constantThroughput(double tasksPerSecond) {
        if (tasksPerSecond <= 0) {
            throw new IllegalArgumentException("constantThroughput needs a positive rate");
        }
        return constantPacing(1.0 / tasksPerSecond);
    }

    private static long seconds(double s) {
        if (s < 0 || Double.isNaN(s)) {
            throw new IllegalArgumentException("a wait cannot be negative: " + s);
        }
        return Math.round(s * 1e9);
    }
}
