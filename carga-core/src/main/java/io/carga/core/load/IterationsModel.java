package io.carga.core.load;

import java.time.Duration;

/**
 * A fixed number of iterations run by {@code users} virtual users: shared (the users take iterations
 * from one pool until it is empty, k6's shared-iterations) or per user (each does that many).
 */
public record IterationsModel(long iterations, int users, boolean perUser, Duration maxDuration) implements LoadModel {
    public IterationsModel {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
    }

    /** Iterations the whole run performs. */
    public long totalIterations() {
        return perUser ? iterations * users : iterations;
    }

    @Override
    public Duration plannedDuration() {
        return null;
    }

    @Override
    public int maxUsers() {
        return users;
    }

    @Override
    public String describe() {
        return "iterations: " + iterations + (perUser ? " per user" : " shared") + " by " + users + " users";
    }
}
