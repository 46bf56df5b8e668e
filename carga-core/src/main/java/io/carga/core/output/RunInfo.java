package io.carga.core.output;

import io.carga.core.config.RunConfig;

/**
 * Facts about a run known at its start.
 *
 * @param runId        a unique id (the results folder name by default)
 * @param startEpochMs wall-clock start
 * @param config       the run's configuration
 * @param control      to stop the run early
 */
public record RunInfo(String runId, long startEpochMs, RunConfig config, RunControl control) {
}
