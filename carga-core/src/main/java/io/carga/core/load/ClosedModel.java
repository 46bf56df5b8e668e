package io.carga.core.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed population of virtual users, each looping over its tasks with think time: the users number
 * follows linear stages from zero. {@code --users 100 --spawn-rate 10 --duration 5m} is the stage list
 * {@code 10s:100, 4m50s:100}.
 */
public record ClosedModel(List<Stage> stages) implements LoadModel {
    public ClosedModel {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a closed model needs at least one stage");
        }
    }

    /**
     * N users started at {@code spawnRate} per second (all at once when it is not positive), held so that
     * the whole run lasts {@code duration}, as Locust's {@code --run-time} includes the ramp.
     */
    public static ClosedModel of(int users, double spawnRate, Duration duration) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
        // A linear ramp from 0 to N over N/rate, rounded up, starts user k at (k-1)/rate: exactly `rate` users/s.
        Duration ramp = spawnRate > 0 ? Duration.ofNanos(Math.round(users / spawnRate * 1e9)) : Duration.ZERO;
        List<Stage> list = new ArrayList<>();
        if (ramp.compareTo(duration) > 0) {
            // The ramp outlasts the run: cut it at the duration, at the same slope.
            list.add(new Stage(duration, users * (duration.toNanos() / (double) ramp.toNanos())));
            return new ClosedModel(list);
        }
        list.add(new Stage(ramp, users));
        list.add(new Stage(duration.minus(ramp), users));
        return new ClosedModel(list);
    }

    /** Users wanted at {@code elapsedNanos}: the ramp rounded up, so the first user starts at once. */
    public int usersAt(long elapsedNanos) {
        double exact = Stage.targetAt(stages, 0, elapsedNanos);
        if (elapsedNanos == 0 && stages.get(0).duration().isZero()) {
            exact = stages.get(0).target();
        }
        return (int) Math.ceil(exact - 1e-9);
    }

    @Override
    public Duration plannedDuration() {
        return Stage.total(stages);
    }

    @Override
    public int maxUsers() {
        return (int) Math.ceil(stages.stream().mapToDouble(Stage::target).max().orElse(0));
    }

    @Override
    public String describe() {
        return "closed: up to " + maxUsers() + " users for " + Durations.format(plannedDuration());
    }
}
