package io.carga.cli;

/**
 * Every exit code carga uses, in one place (k6's errext/exitcodes). CI reads these.
 *
 * <table>
 * <tr><td>0</td><td>OK</td><td>the run completed and nothing failed</td></tr>
 * <tr><td>1</td><td>THRESHOLDS_FAILED</td><td>a threshold or SLA was breached</td></tr>
 * <tr><td>2</td><td>USAGE</td><td>bad command line, config, plan or scenario; nothing ran</td></tr>
 * <tr><td>3</td><td>ABORTED</td><td>stopped early by abort-on-fail or the budget guard</td></tr>
 * <tr><td>4</td><td>INVALID_RUN</td><td>the generator was saturated; the figures can't be trusted</td></tr>
 * <tr><td>130</td><td>INTERRUPTED</td><td>stopped by Ctrl-C or SIGTERM; results are still written. A signal ends the
 * JVM itself, so the process status is the JVM's (130 for SIGINT, 143 for SIGTERM); 130 is what a caller of
 * {@link Main#execute} gets.</td></tr>
 * </table>
 */
public enum ExitCode {
    OK(0),
    THRESHOLDS_FAILED(1),
    USAGE(2),
    ABORTED(3),
    INVALID_RUN(4),
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
