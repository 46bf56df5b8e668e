package io.carga.core.output;

import io.carga.core.load.LoadChange;

/**
 * What an output, the web UI or a script may do to a running run. Thread-safe.
 *
 * <p>Besides stopping, an output may make the rest of a run cheaper (the budget guard's
 * {@code optimize_test_costs}): hold the users under a ceiling, or end the planned run sooner; each answers
 * whether the run could apply it. The web UI and the API steer the run's one knob with {@link #changeUsers}
 * and {@link #changeRate}.
 */
public interface RunControl {
    /** Ends the run (gracefully), recording why. The first stop wins. */
    void stop(StopReason reason, String cause);

    /** What {@link #changeUsers} or {@link #changeRate} can change now. */
    default Steerable steerable() {
        return Steerable.NONE;
    }

    /**
     * Moves a closed run to {@code users} at {@code spawnRate} users per second (0 or less: the model's own
     * ramp slope, or at once when it has none). The change replaces the rest of the model's stages; the run
     * still ends at its planned end.
     *
     * @return the change, as it is recorded
     * @throws IllegalArgumentException one line for the caller when the run cannot take it
     */
    default LoadChange changeUsers(int users, double spawnRate, String by) {
        throw new IllegalArgumentException("this run's user count cannot be changed");
    }

    /**
     * Moves an open run to {@code perSecond} iterations per second from now on; the rest of its stages are
     * replaced, the planned end stays.
     *
     * @throws IllegalArgumentException one line for the caller when the run cannot take it
     */
    default LoadChange changeRate(double perSecond, String by) {
        throw new IllegalArgumentException("this run's arrival rate cannot be changed");
    }

    /**
     * From now on, at most {@code max} users at once: users above it leave after their current task. Only
     * lowers (a higher ceiling than the current one is ignored).
     *
     * @return whether the run's load model has a user count to limit (a closed model); false for an open one
     */
    default boolean limitUsers(int max, String cause) {
        return false;
    }

    /**
     * Ends the planned run sooner: what is left of it is cut to {@code share} (0.5 halves the rest), and the
     * run then ends as completed.
     *
     * @return whether the run has a planned end to bring forward
     */
    default boolean shortenRest(double share, String cause) {
        return false;
    }
}
