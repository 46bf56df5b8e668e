package io.carga.core.engine;

import io.carga.core.load.ClosedModel;
import io.carga.core.load.LoadChange;
import io.carga.core.load.LoadModel;
import io.carga.core.load.OpenModel;
import io.carga.core.output.Steerable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one knob of a running run: a closed model's user count or an open model's arrival rate. A change
 * comes from any thread (the web UI's server); it is published through one volatile field, which the
 * executor reads on its own thread each time it asks the model what to do next. The model itself never
 * changes: the executor asks this class, which answers with the model until the first change and with the
 * change from then on.
 */
final class Steering {
    /** A closed run's population after a change: from {@code from} at {@code atNanos} towards {@code to}. */
    private record Ramp(long atNanos, double from, double to, double perSecond) {
        int usersAt(long elapsed) {
            double moved = perSecond * Math.max(0, elapsed - atNanos) / 1e9;
            double now = to >= from ? Math.min(to, from + moved) : Math.max(to, from - moved);
            return (int) Math.ceil(now - 1e-9);
        }
    }

    /** An open run's rate from {@code atNanos} on. */
    private record Rate(long atNanos, double perSecond) {
    }

    private final LoadModel model;
    private final long startNanos;
    private final long startEpochMs;
    private final long plannedEndNanos;
    private final ConcurrentLinkedQueue<LoadChange> unreported = new ConcurrentLinkedQueue<>();
    private volatile Ramp ramp;
    private volatile Rate rate;
    private volatile boolean ended;

    Steering(LoadModel model, long startNanos, long startEpochMs) {
        this.model = model;
        this.startNanos = startNanos;
        this.startEpochMs = startEpochMs;
        java.time.Duration planned = model.plannedDuration(); // none for an iterations model
        this.plannedEndNanos = planned == null ? Long.MAX_VALUE : planned.toNanos();
    }

    Steerable steerable() {
        if (ended) {
            return Steerable.NONE;
        }
        return switch (model) {
            case ClosedModel m -> Steerable.USERS;
            case OpenModel m -> Steerable.RATE;
            default -> Steerable.NONE;
        };
    }

    /** No change is taken once the run stops starting work. */
    void end() {
        ended = true;
    }

    /** The closed executor's population: the model's, or the last change's. */
    ClosedExecutor.Target closedTarget(ClosedModel m) {
        return new ClosedExecutor.Target() {
            @Override
            public int usersAt(long elapsed) {
                Ramp r = ramp;
                return r == null ? m.usersAt(elapsed) : r.usersAt(elapsed);
            }

            @Override
            public boolean ended(long elapsed) {
                return elapsed >= plannedEndNanos;
            }
        };
    }

    /** The open executor's schedule: the model's, or a constant rate from the last change on. */
    OpenExecutor.Schedule openSchedule(OpenModel m) {
        return new OpenExecutor.Schedule() {
            // executor thread only
            private Rate applied;
            private long firstK;
            private long firstOffset;

            @Override
            public long offsetNanos(long k) {
                Rate r = rate;
                if (r != applied) {
                    applied = r;
                    firstK = k;
                    firstOffset = r.atNanos();
                }
                if (applied == null) {
                    return m.startOffsetNanos(k);
                }
                long offset = firstOffset + Math.round((k - firstK) * 1e9 / applied.perSecond());
                return offset >= plannedEndNanos ? -1 : offset;
            }

            @Override
            public boolean changed() {
                return rate != applied;
            }
        };
    }

    synchronized LoadChange users(int users, double spawnRate, String by) {
        check(Steerable.USERS, "users", "its arrival rate (\"rate\")");
        if (users < 0) {
            throw new IllegalArgumentException("users cannot be negative, got " + users);
        }
        if (Double.isNaN(spawnRate)) {
            throw new IllegalArgumentException("spawn rate must be a number");
        }
        ClosedModel m = (ClosedModel) model;
        long now = elapsedNanos();
        Ramp r = ramp;
        double from = r == null ? m.usersAt(now) : r.usersAt(now);
        ramp = new Ramp(now, from, users, spawnRate > 0 ? spawnRate : modelSlope(m));
        return record(now, LoadChange.USERS, from, users, by);
    }

    synchronized LoadChange rate(double perSecond, String by) {
        check(Steerable.RATE, "rate", "its user count (\"users\")");
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be above 0/s, got " + perSecond);
        }
        OpenModel m = (OpenModel) model;
        long now = elapsedNanos();
        Rate r = rate;
        double from = r == null ? m.rateAt(now) : r.perSecond();
        rate = new Rate(now, perSecond);
        return record(now, LoadChange.RATE, from, perSecond, by);
    }

    /** Changes made since the last call, oldest first: the ticker hands them to the outputs. */
    List<LoadChange> takeUnreported() {
        List<LoadChange> out = new ArrayList<>();
        LoadChange c;
        while ((c = unreported.poll()) != null) {
            out.add(c);
        }
        return out;
    }

    private void check(Steerable wanted, String asked, String instead) {
        Steerable can = steerable();
        if (can == wanted) {
            return;
        }
        if (ended) {
            throw new IllegalArgumentException("the run has ended: its load cannot change");
        }
        throw new IllegalArgumentException(can == Steerable.NONE
                ? "this run's load (" + model.describe() + ") cannot be changed live"
                : "this run is " + (can == Steerable.USERS ? "a closed model" : "an open model") + ": change " + instead
                        + ", not its " + asked);
    }

    /** A closed model's own ramp speed (its first stage's slope), so a change ramps as the run began. */
    private static double modelSlope(ClosedModel m) {
        var first = m.stages().get(0);
        double seconds = first.duration().toNanos() / 1e9;
        return seconds > 0 && first.target() > 0 ? first.target() / seconds : Double.POSITIVE_INFINITY;
    }

    private LoadChange record(long elapsed, String quantity, double from, double to, String by) {
        LoadChange c = new LoadChange(startEpochMs + elapsed / 1_000_000L, elapsed / 1e9, quantity, from, to,
                by == null || by.isBlank() ? "api" : by);
        unreported.add(c);
        return c;
    }

    private long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
