package io.carga.core.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Iterations left to hand out: one pool shared by all users, or one per user. */
final class IterationBudget {
    private final AtomicLong left;

    IterationBudget(long iterations) {
        this.left = new AtomicLong(iterations);
    }

    /** Takes one iteration; false when none are left. */
    boolean take() {
        return left.getAndDecrement() > 0;
    }
}
