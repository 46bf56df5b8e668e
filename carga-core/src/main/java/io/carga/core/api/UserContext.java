package io.carga.core.api;

import io.carga.core.event.EventSink;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the engine gives one virtual user: identity, randomness, where to report, the run's shared
 * resources, and the schedule. Protocol clients (HTTP, SQL, AI) take everything they need from here,
 * which is how they plug in without the engine knowing them.
 *
 * <p>Thread-confined: a context belongs to one virtual user and is used from its thread only, except
 * {@link #events()}, {@link #metrics()} and {@link #shared} which are thread-safe.
 */
public interface UserContext {
    /** 0 for the first virtual user of the run, then 1, 2… */
    int userId();

    /** The base URL given with {@code --target} (or the plan), or null. */
    String target();

    /** This user's random source, seeded from the run's {@code --seed} and the user id. */
    RandomGenerator random();

    /** Where protocol clients report finished requests. */
    EventSink events();

    /** Scenario-recorded metrics. */
    Metrics metrics();

    /** The engine's clock, in nanoseconds; use it for every request timestamp. */
    long nanoTime();

    /**
     * The intended start of the current iteration, once: the first request of an open-model iteration
     * takes it so its latency counts from the schedule; later calls return 0 until the next iteration.
     */
    long takeIntendedStart();

    /** True once the run has asked users to stop: finish what you are doing, start nothing new. */
    boolean stopping();

    /** True once the grace period is over: an in-flight request should be reported as interrupted. */
    boolean cutOff();

    /**
     * Sleeps until {@code deadline} (nanoTime), recording how late the wake-up was. Returns early, with
     * false, when the run stops.
     */
    boolean sleepUntil(long deadline);

    /**
     * A run-wide object shared by all users (a connection pool, a rate limiter), created on first use.
     */
    <T> T shared(Class<T> type, Supplier<T> factory);

    /** Free-form run properties (protocol options from the command line or plan). */
    Map<String, String> properties();
}
