package io.carga.cli.budget;

import io.carga.core.load.ClosedModel;
import io.carga.core.load.LoadModel;
import io.carga.core.load.MixedModel;
import java.time.Duration;

/** The user-hours a load plan will run, known before it starts: what the budget check prices. */
public final class PlannedLoad {
    private PlannedLoad() {
    }

    /**
     * A closed model's users integrated over its stages (a ramp counts what it runs, as the ledger's
     * user-hours do); a mixed model's parts added up; any other model its most users for its planned
     * length (an open model's in-flight limit is the most it can cost). 0 when the length is unknown.
     */
    public static double userHours(LoadModel load) {
        return switch (load) {
            case ClosedModel c -> closed(c);
            case MixedModel m -> m.parts().stream().mapToDouble(p -> userHours(p.load())).sum();
            default -> load.plannedDuration() == null ? 0 : load.maxUsers() * hours(load.plannedDuration());
        };
    }

    private static double closed(ClosedModel c) {
        long end = c.plannedDuration().toNanos();
        long step = Math.max(1_000_000_000L, end / 10_000); // at most 10,000 slices: a 4-hour plan stays cheap
        double userNanos = 0;
        for (long t = 0; t < end; t += step) {
            userNanos += c.usersAt(t) * (double) Math.min(step, end - t);
        }
        return userNanos / 3.6e12;
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3.6e6;
    }
}
