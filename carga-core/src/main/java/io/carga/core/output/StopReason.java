package io.carga.core.output;

/** Why a run ended. */
public enum StopReason {
    /** The load plan ran to its end. */
    COMPLETED,
    /** Ctrl-C or SIGTERM. */
    SIGNAL,
    /** The hard maximum duration was reached. */
    MAX_DURATION,
    /** An output asked to stop because the run is already lost: a threshold with abort-on-fail. */
    ABORTED,
    /** The budget guard stopped the run: it would cost more than its limit. */
    BUDGET,
    /** Someone asked the run to stop before its end: the web UI or {@code POST /api/v1/run/stop}. */
    STOPPED
}
