package io.carga.core.load;

import java.time.Duration;

/**
 * What load to apply, as a pure plan: no threads, no clock. Each model has one executor in
 * {@code io.carga.core.engine} that turns the plan into running virtual users.
 */
public sealed interface LoadModel permits ClosedModel, OpenModel, IterationsModel, ShapeModel, MixedModel {
    /** How long the plan lasts, or null when it ends by itself (iterations, shape). */
    Duration plannedDuration();

    /** The most users the plan may run at once (for capacity checks before the run). */
    int maxUsers();

    /** One line for the console: "closed: 64 users for 10s". */
    String describe();
}
