package io.carga.pgbench.run;

import io.carga.pgbench.loop.EventLoop;
import java.util.Map;

/**
 * What runs the clients ({@code --threads}; see {@link ClientThreads}), and the one place that decides it. The
 * event loops run on the JDK's internal continuations, which {@code java.base} exports only when the JVM is told
 * to (carga's jar says so in its manifest, the build's test JVMs on their command line): wherever they are not,
 * {@code auto} falls back to a thread per client, and says so in run.json ({@link #describe}).
 */
public enum Threading {
    /** pgbench's way: one thread per {@code -j} job, running its clients on an event loop. */
    LOOP,
    /** One platform thread per client. */
    PLATFORM,
    /** One virtual thread per client. */
    VIRTUAL;

    /** Up to this many clients, {@code auto} without continuations gives each client a platform thread. */
    public static final int AUTO_PLATFORM_MAX_CLIENTS = 256;

    /** {@code --threads} in this JVM: auto, loop, platform or virtual. */
    public static Threading choose(String option, int clients) {
        return choose(option, clients, EventLoop.available());
    }

    /**
     * @param loopAvailable whether this JVM lets carga use continuations ({@link EventLoop#available})
     * @throws IllegalArgumentException with a message for the user
     */
    static Threading choose(String option, int clients, boolean loopAvailable) {
        return switch (option) {
            case "auto" -> loopAvailable ? LOOP : clients > AUTO_PLATFORM_MAX_CLIENTS ? VIRTUAL : PLATFORM;
            case "loop" -> {
                if (!loopAvailable) {
                    throw new IllegalArgumentException("--threads=loop needs the JVM option --add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
                }
                yield LOOP;
            }
            case "platform" -> PLATFORM;
            case "virtual" -> VIRTUAL;
            default -> throw new IllegalArgumentException("invalid --threads: \"" + option + "\" (auto, loop, platform or virtual)");
        };
    }

    /** How the run's clients ran, for run.json: a figure then says which path made it. */
    Map<String, String> describe(boolean loopAvailable) {
        return Map.of("threads", name().toLowerCase(java.util.Locale.ROOT),
                "continuations", loopAvailable ? "available" : "not exported to carga (--add-exports java.base/jdk.internal.vm)");
    }
}
