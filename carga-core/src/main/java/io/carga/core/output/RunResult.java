package io.carga.core.output;

import io.carga.core.metrics.RunAggregate;

/**
 * How a run ended, with everything it measured.
 *
 * @param reason      why it stopped
 * @param cause       a human sentence for ABORTED and SIGNAL stops, else null
 * @param interrupted virtual users cut mid-task when the grace period ran out
 * @param aggregate   the whole run's statistics
 */
public record RunResult(StopReason reason, String cause, long interrupted, RunAggregate aggregate) {
}
