package io.carga.core.output;

/** What of a run's load can be changed while it runs. */
public enum Steerable {
    /** A closed model: its user count. */
    USERS,
    /** An open model: its arrival rate. */
    RATE,
    /** Nothing: the run has not started, has ended, or its model (iterations, a shape, several scenarios) has no single knob. */
    NONE
}
