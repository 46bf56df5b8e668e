package io.carga.core.load;

import java.time.Duration;
import java.util.List;

/**
 * Iterations arrive on a schedule whatever the system's speed (open model): a constant rate, or a rate
 * that follows linear stages. Each iteration takes a free virtual user; at most {@code maxConcurrency}
 * run at once, and an iteration that finds none free is dropped and counted, never silently skipped.
 * Latency is measured from each iteration's intended start, so a slow server cannot hide its queue
 * (no coordinated omission).
 *
 * @param startRate      iterations/s at time zero
 * @param stages         rate stages (iterations/s targets)
 * @param maxConcurrency the most iterations in flight at once
 */
public record OpenModel(double startRate, List<Stage> stages, int maxConcurrency) implements LoadModel {
    public OpenModel {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an open model needs at least one stage");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max concurrency must be at least 1, was " + maxConcurrency);
        }
        if (startRate < 0) {
            throw new IllegalArgumentException("rate cannot be negative");
        }
    }

    public static OpenModel constant(double perSecond, Duration duration, int maxConcurrency) {
        return new OpenModel(perSecond, List.of(new Stage(duration, perSecond)), maxConcurrency);
    }

    /** Iterations per second at {@code elapsedNanos}. */
    public double rateAt(long elapsedNanos) {
        return Stage.targetAt(stages, startRate, elapsedNanos);
    }

    /**
     * When the {@code k}-th iteration (0-based) should start, in nanoseconds from the run start, or -1
     * when the plan ends first. The k-th arrival is where the integral of the rate reaches k.
     */
    public long startOffsetNanos(long k) {
        double need = k;
        double from = startRate;
        long offset = 0;
        for (Stage s : stages) {
            double d = s.duration().toNanos() / 1e9;
            double to = s.target();
            double inSegment = (from + to) / 2 * d;
            if (need < inSegment || (need == 0 && (from > 0 || to > 0))) {
                double a = (to - from) / (2 * d);
                double tau = a == 0 ? need / from : 2 * need / (from + Math.sqrt(Math.max(0, from * from + 4 * a * need)));
                return offset + Math.round(tau * 1e9);
            }
            need -= inSegment;
            offset += s.duration().toNanos();
            from = to;
        }
        return -1;
    }

    @Override
    public Duration plannedDuration() {
        return Stage.total(stages);
    }

    @Override
    public int maxUsers() {
        return maxConcurrency;
    }

    @Override
    public String describe() {
        double peak = Math.max(startRate, stages.stream().mapToDouble(Stage::target).max().orElse(0));
        return String.format("open: up to %.1f iterations/s for %s (max %d in flight)", peak,
                Durations.format(plannedDuration()), maxConcurrency);
    }
}
