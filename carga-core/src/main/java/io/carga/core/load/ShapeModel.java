package io.carga.core.load;

import io.carga.core.api.LoadShape;
import java.time.Duration;

/**
 * Load decided by code at each tick (Locust's LoadTestShape), either users or an arrival rate.
 *
 * @param maxConcurrency cap on in-flight iterations when the shape asks for a rate
 */
public record ShapeModel(LoadShape shape, int maxConcurrency) implements LoadModel {
    @Override
    public Duration plannedDuration() {
        return null;
    }

    @Override
    public int maxUsers() {
        return maxConcurrency;
    }

    @Override
    public String describe() {
        return "shape: " + shape.getClass().getSimpleName();
    }
}
