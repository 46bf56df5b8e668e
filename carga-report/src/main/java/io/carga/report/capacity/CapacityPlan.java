package io.carga.report.capacity;

import io.carga.core.load.ClosedModel;
import io.carga.core.load.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a capacity search: start at {@code start} users, add {@code step} users at a time up to
 * {@code max}, each step ramped over {@code ramp} and then held for {@code hold}. Only the hold is judged.
 *
 * <pre>{@code
 * CapacityPlan plan = new CapacityPlan(10, 10, 200, Duration.ofSeconds(5), Duration.ofSeconds(30));
 * LoadModel model = plan.model();   // 10s:…, stages 5s→10, 30s@10, 5s→20, 30s@20 …
 * }</pre>
 */
public record CapacityPlan(int start, int step, int max, Duration ramp, Duration hold) {
    public CapacityPlan {
        if (start < 1 || step < 1 || max < start) {
            throw new IllegalArgumentException("capacity steps need start >= 1, step >= 1 and max >= start (got "
                    + start + ", " + step + ", " + max + ")");
        }
        if (hold.isZero() || hold.isNegative() || ramp.isNegative()) {
            throw new IllegalArgumentException("capacity steps need a positive hold time and a ramp >= 0");
        }
    }

    /** The users of each step, ascending. */
    public List<Integer> levels() {
        List<Integer> out = new ArrayList<>();
        for (int u = start; u <= max; u += step) {
            out.add(u);
        }
        return out;
    }

    /** Seconds from the run's start at which step {@code i}'s hold begins. */
    public double holdStart(int i) {
        return (i + 1) * ramp.toNanos() / 1e9 + i * hold.toNanos() / 1e9;
    }

    /** Seconds from the run's start at which step {@code i} ends. */
    public double holdEnd(int i) {
        return holdStart(i) + hold.toNanos() / 1e9;
    }

    /** The closed load model that walks the steps. */
    public ClosedModel model() {
        List<Stage> stages = new ArrayList<>();
        for (int users : levels()) {
            stages.add(new Stage(ramp, users));
            stages.add(new Stage(hold, users));
        }
        return new ClosedModel(stages);
    }
}
