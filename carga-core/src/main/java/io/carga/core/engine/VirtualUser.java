package io.carga.core.engine;

import io.carga.core.api.Metrics;
import io.carga.core.api.StopUser;
import io.carga.core.api.Tasks;
import io.carga.core.api.User;
import io.carga.core.api.UserContext;
import io.carga.core.event.EventSink;
import io.carga.core.event.Tags;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The engine's side of one virtual user: its context, its thread, its stop flag, and the task loop.
 */
final class VirtualUser implements UserContext {
    private final RunState run;
    private final EventSink events;
    private final int id;
    private final User user;
    private final RandomGenerator random;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean inTask;
    private long intendedStart;
    private boolean started;
    private static final int RUNNING = 0;
    private static final int THINKING = 1;
    private static final int DONE = 2;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private volatile ScheduledFuture<?> wakeUp;
    private IterationBudget budget;
    private Runnable onEnd;

    VirtualUser(RunState run, Lane lane, int id, User user) {
        this.run = run;
        this.events = lane.events;
        this.id = id;
        this.user = user;
        this.random = new SplittableRandom(run.config.seed() * 0x9E3779B97F4A7C15L + id);
        user.attach(this);
    }

    /**
     * Closed loop: onStart, tasks with think time until told to stop (or out of iterations), onStop, then
     * {@code onEnd}. Called on a virtual thread. Between tasks the user holds no thread at all: the engine's
     * timer starts a fresh virtual thread when the think time is over, so 100,000 thinking users cost no
     * stacks (a parked virtual thread keeps about 4 KB of stack chunks). Scenario code that sleeps inside
     * a task ({@link #sleepUntil}) still parks as usual.
     */
    void runLoop(IterationBudget budget, Runnable onEnd) {
        this.budget = budget;
        this.onEnd = onEnd;
        step(0);
    }

    private void step(long plannedWake) {
        bindThread();
        if (plannedWake != 0) {
            run.hub.recordLag(System.nanoTime() - plannedWake);
        }
        try {
            if (!started && !start()) {
                end();
                return;
            }
            Tasks tasks = user.taskList();
            while (!shouldStop() && (budget == null || budget.take())) {
                long t0 = System.nanoTime();
                if (!runTask(tasks)) {
                    break;
                }
                long wait = user.waitTime().nanosAfter(t0, System.nanoTime(), random);
                if (wait > 0) {
                    if (!shouldStop()) {
                        think(System.nanoTime() + wait);
                        return;
                    }
                    break;
                }
            }
            end();
        } catch (RuntimeException | Error e) {
            run.reportOnce("engine", e);
            end();
        }
    }

    /** Leaves the thread and asks the timer to resume at {@code deadline}. */
    private void think(long deadline) {
        thread = null; // the next step runs on another thread; this one ends right after
        state.set(THINKING);
        wakeUp = run.timer().schedule(() -> resume(deadline), Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        if (shouldStop()) {
            wake(); // a stop that came while scheduling must not wait for the think time
        }
    }

    private void resume(long plannedWake) {
        if (state.compareAndSet(THINKING, RUNNING)) {
            Thread.ofVirtual().start(() -> step(plannedWake));
        }
    }

    private void end() {
        state.set(DONE);
        finish();
        if (onEnd != null) {
            onEnd.run();
        }
    }

    /** Open model: one task, timed from {@code intended}. Returns false when the user ended itself. */
    boolean runIteration(long intended) {
        bindThread();
        try {
            if (!started && !start()) {
                return false;
            }
            intendedStart = intended;
            return runTask(user.taskList());
        } finally {
            intendedStart = 0;
            thread = null;
            run.live.remove(this);
        }
    }

    private void bindThread() {
        thread = Thread.currentThread();
        run.live.add(this);
    }

    private boolean start() {
        started = true;
        inTask = true;
        try {
            user.onStart();
            if (user.taskList().isEmpty()) {
                throw new IllegalStateException(user.getClass().getSimpleName() + " has no tasks");
            }
            return true;
        } catch (StopUser e) {
            return false;
        } catch (Exception | Error e) {
            if (!run.cutOff) {
                run.reportOnce(user.getClass().getSimpleName() + ".onStart", e);
                run.hub.metrics().counter("task_exceptions", Tags.of("task", "onStart")).increment();
            }
            return false;
        } finally {
            inTask = false;
        }
    }

    /** Runs one picked task; false when the user must end. */
    private boolean runTask(Tasks tasks) {
        Tasks.Entry entry = tasks.pick(random);
        inTask = true;
        try {
            entry.body().run();
            return true;
        } catch (StopUser e) {
            return false;
        } catch (InterruptedException e) {
            return false;
        } catch (Exception | Error e) {
            if (run.cutOff) {
                return false;
            }
            run.reportOnce("task " + entry.name(), e);
            run.hub.metrics().counter("task_exceptions", Tags.of("task", entry.name())).increment();
            return true;
        } finally {
            inTask = false;
            Thread.interrupted(); // a wake-up must not leak into the next task's I/O
        }
    }

    /** Runs onStop once, for users that started. */
    void finish() {
        try {
            if (started) {
                started = false;
                user.onStop();
            }
        } catch (Exception | Error e) {
            run.reportOnce(user.getClass().getSimpleName() + ".onStop", e);
        } finally {
            thread = null;
            run.live.remove(this);
        }
    }

    private boolean shouldStop() {
        return stopRequested || run.stopping;
    }

    /** Ramp-down: finish the current task, then leave. */
    void requestStop() {
        stopRequested = true;
        wake();
    }

    /**
     * Wakes the user if it sleeps (unpark, not interrupt, so in-flight I/O is left alone), or ends its think
     * time at once when it is between tasks.
     */
    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (state.compareAndSet(THINKING, RUNNING)) {
            ScheduledFuture<?> f = wakeUp;
            if (f != null) {
                f.cancel(false);
            }
            Thread.ofVirtual().start(() -> step(0));
        }
    }

    /** At the end of the grace period: cut the user's in-flight work. Returns true if it was busy. */
    boolean cut() {
        Thread t = thread;
        if (t != null && inTask) {
            t.interrupt();
            return true;
        }
        wake();
        return false;
    }

    @Override
    public boolean sleepUntil(long deadline) {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            if (shouldStop()) {
                return false;
            }
            LockSupport.parkNanos(deadline - now);
            if (Thread.interrupted() && run.cutOff) {
                return false;
            }
        }
        if (shouldStop()) {
            return false;
        }
        run.hub.recordLag(now - deadline);
        return true;
    }

    @Override
    public int userId() {
        return id;
    }

    @Override
    public String target() {
        return run.config.target();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public EventSink events() {
        return events;
    }

    @Override
    public Metrics metrics() {
        return run.hub.metrics();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long takeIntendedStart() {
        long t = intendedStart;
        intendedStart = 0;
        return t;
    }

    @Override
    public boolean stopping() {
        return shouldStop();
    }

    @Override
    public boolean cutOff() {
        return run.cutOff;
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return run.shared(type, factory);
    }

    @Override
    public Map<String, String> properties() {
        return run.config.properties();
    }
}
