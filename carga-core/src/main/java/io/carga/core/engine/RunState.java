package io.carga.core.engine;

import io.carga.core.config.RunConfig;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.StopReason;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The mutable heart of one run, shared by the engine, its executor and every virtual user: stop flags,
 * the live users, run-wide shared objects. Everything here is thread-safe.
 */
final class RunState implements Driver.Drive {
    final RunConfig config;
    final MetricsHub hub;
    final long startNanos;
    final Set<VirtualUser> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private final AtomicInteger intervalPeak = new AtomicInteger();
    final AtomicLong usersCreated = new AtomicLong();
    final AtomicLong interrupted = new AtomicLong();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    /** A driver's stop hook ({@link Driver.Drive#onStop}); taken once, by whoever sees the stop first. */
    private final AtomicReference<Runnable> stopHook = new AtomicReference<>();
    private final Map<String, Boolean> reportedErrors = new ConcurrentHashMap<>();
    private volatile java.util.concurrent.ScheduledThreadPoolExecutor timer;
    /** The most users the closed executors may run at once (an output's {@code limitUsers}); unlimited by default. */
    final AtomicInteger userCap = new AtomicInteger(Integer.MAX_VALUE);
    volatile boolean stopping;
    volatile boolean cutOff;

    record Stop(StopReason reason, String cause) {
    }

    RunState(RunConfig config, MetricsHub hub, long startNanos) {
        this.config = config;
        this.hub = hub;
        this.startNanos = startNanos;
    }

    /** Asks the run to stop; the first reason wins. Wakes every sleeping user. */
    void requestStop(StopReason reason, String cause) {
        stop.compareAndSet(null, new Stop(reason, cause));
        stopping = true;
        for (VirtualUser u : live) {
            u.wake();
        }
        runStopHook();
    }

    /** A null {@code hook} takes the hook away. */
    @Override
    public void onStop(Runnable hook) {
        stopHook.set(hook);
        if (stopping) {
            runStopHook();
        }
    }

    private void runStopHook() {
        Runnable hook = stopHook.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    Stop stopInfo() {
        Stop s = stop.get();
        return s != null ? s : new Stop(StopReason.COMPLETED, null);
    }

    @Override
    public void userStarted() {
        intervalPeak.accumulateAndGet(activeUsers.incrementAndGet(), Math::max);
    }

    @Override
    public void userEnded() {
        activeUsers.decrementAndGet();
    }

    int activeUsers() {
        return activeUsers.get();
    }

    /** The most users active at once since the last call; resets to the current count. */
    int takeIntervalPeak() {
        int current = activeUsers.get();
        return Math.max(current, intervalPeak.getAndSet(current));
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    /** The think-time timer: one platform thread that starts users' next tasks when their wait is over. */
    java.util.concurrent.ScheduledThreadPoolExecutor timer() {
        var t = timer;
        if (t == null) {
            synchronized (this) {
                t = timer;
                if (t == null) {
                    t = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                            Thread.ofPlatform().name("carga-think-timer").daemon().factory());
                    t.setRemoveOnCancelPolicy(true);
                    timer = t;
                }
            }
        }
        return t;
    }

    void closeShared() {
        var t = timer;
        if (t != null) {
            t.shutdownNow();
        }
        for (Object o : shared.values()) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("carga: closing " + o.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Prints a scenario error the first time it is seen, so a broken task is visible but not noisy. */
    void reportOnce(String where, Throwable e) {
        String key = where + ":" + e.getClass().getName();
        if (reportedErrors.size() < 50 && reportedErrors.putIfAbsent(key, Boolean.TRUE) == null) {
            StackTraceElement at = firstScenarioFrame(e);
            System.err.println("carga: " + where + " threw " + e + (at == null ? "" : " at " + at)
                    + " (further ones counted, not printed)");
        }
    }

    private static StackTraceElement firstScenarioFrame(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (!f.getClassName().startsWith("io.carga.core.") && !f.getClassName().startsWith("java.")
                    && !f.getClassName().startsWith("jdk.")) {
                return f;
            }
        }
        return null;
    }
}
