package io.carga.core.output;

/**
 * What an output may do to a running run. Thread-safe.
 *
 * <p>Besides stopping, an output may make the rest of a run cheaper (the budget guard's
 * {@code optimize_test_costs}): hold the users under a ceiling, or end the planned run sooner. These are
 * the only two load changes an output may ask for; each answers whether the run could apply it.
 */
public interface RunControl {
    /** Ends the run (gracefully), recording why. The first stop wins. */
    void stop(StopReason reason, String cause);

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
