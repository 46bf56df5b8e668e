package io.carga.pgbench.run;

/** What runs the clients ({@code --threads}); see {@link ClientThreads}. */
public enum Threading {
    /** pgbench's way: one thread per {@code -j} job, running its clients on an event loop. */
    LOOP,
    /** One platform thread per client. */
    PLATFORM,
    /** One virtual thread per client. */
    VIRTUAL
}
