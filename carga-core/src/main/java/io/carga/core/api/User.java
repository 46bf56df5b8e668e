package io.carga.core.api;

import java.util.random.RandomGenerator;

/**
 * One simulated person. Subclass it, give it weighted {@link Task} methods written as plain blocking
 * Java, and the engine runs each instance on its own virtual thread: {@link #onStart()}, then tasks
 * picked by weight with {@link #waitTime()} between them, then {@link #onStop()}. Fields hold the
 * user's own state (a login token, a cart).
 *
 * <pre>{@code
 * @Weight(3)
 * public class Shopper extends User {
 *     public WaitTime waitTime() { return WaitTime.between(2, 8); }
 *     @Task(30) void browse() { ... }
 *     @Task(10) void buy() { ... }
 * }
 * }</pre>
 *
 * Protocol modules extend this class (an {@code HttpUser} has an HTTP session); the engine knows none
 * of them.
 */
public abstract class User {
    private UserContext context;
    private Tasks tasks;

    /** Called by the engine, once, before {@link #onStart()}. */
    public final void attach(UserContext ctx) {
        if (this.context != null) {
            throw new IllegalStateException("user already attached");
        }
        this.context = ctx;
    }

    /** The engine's context for this user: ids, randomness, reporting, shared resources. */
    public final UserContext context() {
        if (context == null) {
            throw new IllegalStateException("the user is not running yet: use onStart() rather than the constructor");
        }
        return context;
    }

    /** This user's random source (reproducible with {@code --seed}). */
    public final RandomGenerator random() {
        return context().random();
    }

    /** Scenario-recorded metrics. */
    public final Metrics metrics() {
        return context().metrics();
    }

    /** Think time between tasks; none by default. */
    public WaitTime waitTime() {
        return WaitTime.none();
    }

    /** Runs once before the first task: log in here. */
    public void onStart() throws Exception {
    }

    /** Runs once when the user stops, even after an error. */
    public void onStop() throws Exception {
    }

    /** This user's tasks: its {@link Task} methods unless overridden. Asked once. */
    protected Tasks tasks() {
        return Tasks.annotated(this);
    }

    /** The tasks, built once and cached. */
    public final Tasks taskList() {
        if (tasks == null) {
            tasks = tasks();
        }
        return tasks;
    }

    /** Ends this virtual user after the current task. */
    protected final void stopUser(String reason) {
        throw new StopUser(reason);
    }

    /**
     * Enters a task set and runs its tasks, with think time, until one interrupts it or the run stops.
     */
    protected final void runTaskSet(TaskSet set) throws Exception {
        set.enter(this);
        Tasks setTasks = set.tasks();
        if (setTasks.isEmpty()) {
            throw new IllegalArgumentException(set.getClass().getSimpleName() + " has no tasks");
        }
        UserContext ctx = context();
        set.onStart();
        try {
            while (!ctx.stopping()) {
                long started = ctx.nanoTime();
                set.round(setTasks, random());
                if (set.interrupted()) {
                    return;
                }
                long wait = set.waitTime().nanosAfter(started, ctx.nanoTime(), random());
                if (wait > 0 && !ctx.sleepUntil(ctx.nanoTime() + wait)) {
                    return;
                }
            }
        } finally {
            set.onStop();
        }
    }
}
