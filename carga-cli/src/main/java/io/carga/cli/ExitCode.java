package io.carga.cli;

/**
 * Every exit code carga uses, in one place (k6's errext/exitcodes). CI reads these. A run and a rebuild of
 * its results folder ({@code carga report DIR}) end with the same code: both go through {@link #of}.
 *
 * <table>
 * <tr><td>0</td><td>OK</td><td>the run completed and nothing failed</td></tr>
 * <tr><td>1</td><td>THRESHOLDS_FAILED</td><td>a threshold or SLA was breached</td></tr>
 * <tr><td>2</td><td>USAGE</td><td>bad command line, config, plan or scenario; nothing ran</td></tr>
 * <tr><td>3</td><td>ABORTED</td><td>stopped early by a threshold with abort-on-fail: the system failed while the run went</td></tr>
 * <tr><td>4</td><td>INVALID_RUN</td><td>the generator was saturated; the figures can't be trusted</td></tr>
 * <tr><td>5</td><td>BUDGET</td><td>stopped by the budget guard: the test itself would cost more than its limit</td></tr>
 * <tr><td>6</td><td>CUT_SHORT</td><td>stopped by the maximum duration (the plan's auto-shutdown) before the load plan's
 * end, and the plan does not accept that ({@code cost_controls.accept_auto_shutdown})</td></tr>
 * <tr><td>7</td><td>CLIENT_ABORTED</td><td>{@code carga db}: a database client aborted (an SQL error pgbench does not
 * retry, a lost connection, a script's run-time error); the figures are incomplete. pgbench itself exits 2 here, which
 * carga keeps for a command line that is wrong</td></tr>
 * <tr><td>130</td><td>INTERRUPTED</td><td>stopped by Ctrl-C or SIGTERM; results are still written. A signal ends the
 * JVM itself, so the process status is the JVM's (130 for SIGINT, 143 for SIGTERM); 130 is what a caller of
 * {@link Main#execute} gets, and what {@code carga report} gives for a run that ended abruptly.</td></tr>
 * </table>
 *
 * <p>When several apply, the first of this order wins: interrupted, client aborted, budget, aborted, cut short,
 * invalid run, thresholds failed.
 */
public enum ExitCode {
    OK(0),
    THRESHOLDS_FAILED(1),
    USAGE(2),
    ABORTED(3),
    INVALID_RUN(4),
    BUDGET(5),
    CUT_SHORT(6),
    CLIENT_ABORTED(7),
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * How a run ended, as its exit code.
     *
     * @param stopReason       the run's {@link io.carga.core.output.StopReason} name, or null when it ended abruptly
     * @param saturated        whether the generator was saturated
     * @param thresholdsFailed whether a threshold failed
     * @param cutAccepted      whether a stop at the maximum duration counts as a normal end
     */
    public static ExitCode of(String stopReason, boolean saturated, boolean thresholdsFailed, boolean cutAccepted) {
        if (stopReason == null || stopReason.equals("SIGNAL") || stopReason.equals("ABRUPT")) {
            return INTERRUPTED;
        }
        return switch (stopReason) {
            case "BUDGET" -> BUDGET;
            case "ABORTED" -> ABORTED;
            case "MAX_DURATION" -> cutAccepted ? ended(saturated, thresholdsFailed) : CUT_SHORT;
            default -> ended(saturated, thresholdsFailed);
        };
    }

    private static ExitCode ended(boolean saturated, boolean thresholdsFailed) {
        return saturated ? INVALID_RUN : thresholdsFailed ? THRESHOLDS_FAILED : OK;
    }
}
