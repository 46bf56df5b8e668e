package io.carga.core.output;

/** What an output may do to a running run. Thread-safe. */
public interface RunControl {
    /** Ends the run (gracefully), recording why. The first stop wins. */
    void stop(StopReason reason, String cause);
}
