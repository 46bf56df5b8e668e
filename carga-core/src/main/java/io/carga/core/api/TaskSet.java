package io.carga.core.api;

import java.util.random.RandomGenerator;

/**
 * A group of weighted tasks a user enters and stays in until a task calls {@link #interrupt()}
 * (Locust's TaskSet). Enter one from a task with {@code runTaskSet(new Forum())}; task sets nest.
 *
 * <pre>{@code
 * class Forum extends TaskSet {
 *     @Task(5) void readThread() { ... }
 *     @Task(1) void leave() { interrupt(); }
 * }
 * }</pre>
 */
public abstract class TaskSet {
    private User user;
    private boolean interrupted;

    final void enter(User owner) {
        this.user = owner;
        this.interrupted = false;
    }

    /** The user running this set. */
    protected User user() {
        return user;
    }

    protected RandomGenerator random() {
        return user.random();
    }

    /** Leave this task set after the current task; the user goes back to its own tasks. */
    protected void interrupt() {
        interrupted = true;
    }

    final boolean interrupted() {
        return interrupted;
    }

    /** Think time inside this set; the user's own by default. */
    public WaitTime waitTime() {
        return user.waitTime();
    }

    /** Called when the user enters the set. */
    public void onStart() throws Exception {
    }

    /** Called when the user leaves the set. */
    public void onStop() throws Exception {
    }

    /** The tasks of this set; its {@link Task} methods by default. */
    protected Tasks tasks() {
        return Tasks.annotated(this);
    }

    /** Runs one round: a task picked by weight. */
    void round(Tasks tasks, RandomGenerator random) throws Exception {
        tasks.pick(random).body().run();
    }
}
