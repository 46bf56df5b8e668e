package io.carga.core.output;

import io.carga.core.config.RunConfig;
import java.util.Map;

/**
 * Facts about a run known at its start.
 *
 * @param runId        a unique id (the results folder name by default)
 * @param startEpochMs wall-clock start
 * @param config       the run's configuration
 * @param control      to stop the run early
 * @param driver       how a load that drives its own clients runs ({@link io.carga.core.engine.Driver#describe}); empty
 *                     for carga's virtual users
 */
public record RunInfo(String runId, long startEpochMs, RunConfig config, RunControl control, Map<String, String> driver) {
    public RunInfo {
        driver = Map.copyOf(driver);
    }

    public RunInfo(String runId, long startEpochMs, RunConfig config, RunControl control) {
        this(runId, startEpochMs, config, control, Map.of());
    }
}
