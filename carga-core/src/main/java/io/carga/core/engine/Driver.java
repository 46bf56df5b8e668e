package io.carga.core.engine;

import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.load.LoadModel;
import java.util.List;
import java.util.Map;

/**
 * A load that runs its own clients rather than carga's virtual users: carga db's pgbench client loop, carga
 * shadow's proxy. The {@link Engine} runs it exactly as it runs a load model's executor, so it gets the same
 * lifecycle: outputs started before the clock, an interval snapshot to every output, stop requests (thresholds,
 * the budget guard, a signal), the hard maximum duration, the grace period and the end result.
 *
 * <pre>{@code
 * RunResult result = new Engine(Driver.config("carga db", load), hub, outputs, runId, run -> {
 *     run.onStop(clients::stopAfterCurrentTransaction);
 *     clients.go(run);           // each client: run.userStarted(), hub.record(event) per request, run.userEnded()
 *     clients.awaitEnd();
 * }).run();
 * }</pre>
 */
@FunctionalInterface
public interface Driver {
    /**
     * Runs the load from the moment the engine's clock started. Returns when the load ended by itself, or soon
     * after the run was asked to stop ({@link Drive#onStop}); its users have ended by then.
     */
    void drive(Drive run) throws InterruptedException;

    /** Facts about how this driver runs (its threading, say), written to run.json under {@code driver}. */
    default Map<String, String> describe() {
        return Map.of();
    }

    /** What the engine gives a driver while it runs. Every method is safe from any thread. */
    interface Drive {
        /** The clock's start ({@link System#nanoTime}): request times are measured from the same clock. */
        long startNanos();

        /** Whether anything asked the run to stop. */
        boolean stopping();

        /**
         * {@code hook} is called once when anything asks the run to stop (at once if that happened already), on the
         * thread that asked: it must not block.
         */
        void onStop(Runnable hook);

        /** One of the driver's users began; snapshots report the most users active in each interval. */
        void userStarted();

        void userEnded();
    }

    /**
     * A configuration for a driven run: the scenario is named after the driver and holds one user kind that cannot
     * be started (the driver's clients are not {@link io.carga.core.api.User}s), so that run.json and the reports
     * show what ran. Adjust it with the {@code with...} methods.
     */
    static RunConfig config(String name, LoadModel load) {
        UserSpec clients = new UserSpec(name, 1, () -> {
            throw new UnsupportedOperationException(name + " drives its own clients");
        });
        return RunConfig.of(new Scenario(name, List.of(clients)), load);
    }
}
