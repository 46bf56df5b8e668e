package io.carga.core.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A task set whose tasks run in the order given, again and again, with think time between them, until
 * one calls {@link #interrupt()} (Locust's SequentialTaskSet). Order comes from {@link #steps()}, not
 * from reflection, which does not guarantee declaration order.
 *
 * <pre>{@code
 * class Checkout extends SequentialTaskSet {
 *     protected List<Tasks.Body> steps() { return List.of(this::addToCart, this::pay, this::interrupt); }
 * }
 * }</pre>
 */
public abstract class SequentialTaskSet extends TaskSet {
    private int next;

    /** The steps, in order. */
    protected abstract List<Tasks.Body> steps();

    @Override
    protected Tasks tasks() {
        Tasks.Builder b = Tasks.builder();
        List<Tasks.Body> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            b.add("step" + (i + 1), 1, steps.get(i));
        }
        return b.build();
    }

    @Override
    void round(Tasks tasks, RandomGenerator random) throws Exception {
        List<Tasks.Entry> entries = tasks.entries();
        Tasks.Entry e = entries.get(next);
        next = (next + 1) % entries.size();
        e.body().run();
    }
}
