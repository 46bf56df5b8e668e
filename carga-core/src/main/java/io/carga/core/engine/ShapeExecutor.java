package io.carga.core.engine;

import io.carga.core.api.LoadShape;
import io.carga.core.load.ShapeModel;
import java.time.Duration;

/**
 * Lets code decide the load once per second (Locust's LoadTestShape). The first tick chooses the kind:
 * users (a closed population moving toward the target at its spawn rate) or a rate (open arrivals, the
 * rate held constant within each second).
 */
final class ShapeExecutor implements Executor {
    private static final long TICK = 1_000_000_000L;
    private final ShapeModel model;
    private final Lane lane;
    private Executor delegate;

    ShapeExecutor(ShapeModel model, Lane lane) {
        this.model = model;
        this.lane = lane;
    }

    @Override
    public void run(RunState run) throws InterruptedException {
        LoadShape.Target first = model.shape().tick(Duration.ZERO);
        if (first == null) {
            return;
        }
        delegate = first.isOpen()
                ? new OpenExecutor(new RateSchedule(model.shape(), first), model.maxConcurrency(), lane)
                : new ClosedExecutor(new UsersTarget(model.shape(), first), lane);
        delegate.run(run);
    }

    @Override
    public void stopUsers() {
        if (delegate != null) {
            delegate.stopUsers();
        }
    }

    @Override
    public void close(RunState run) {
        if (delegate != null) {
            delegate.close(run);
        }
    }

    /** Population moving toward the shape's target at its spawn rate. */
    private static final class UsersTarget implements ClosedExecutor.Target {
        private final LoadShape shape;
        private LoadShape.Target current;
        private long nextTick = TICK;
        private double level;
        private long last;
        private boolean ended;

        UsersTarget(LoadShape shape, LoadShape.Target first) {
            this.shape = shape;
            this.current = first;
        }

        @Override
        public int usersAt(long elapsed) {
            double step = current.spawnRate() > 0 ? current.spawnRate() * (elapsed - last) / 1e9 : Double.MAX_VALUE;
            last = elapsed;
            double want = current.users();
            level = level < want ? Math.min(want, level + step) : Math.max(want, level - step);
            return (int) Math.ceil(level - 1e-9);
        }

        @Override
        public boolean ended(long elapsed) {
            while (!ended && elapsed >= nextTick) {
                LoadShape.Target t = shape.tick(Duration.ofNanos(nextTick));
                if (t == null) {
                    ended = true;
                } else {
                    current = t;
                }
                nextTick += TICK;
            }
            return ended;
        }
    }

    /** Arrivals at the shape's rate, constant within each one-second tick. */
    private static final class RateSchedule implements OpenExecutor.Schedule {
        private final LoadShape shape;
        private double rate;
        private long segmentStart;
        private double countAtSegmentStart;
        private boolean ended;

        RateSchedule(LoadShape shape, LoadShape.Target first) {
            this.shape = shape;
            this.rate = first.rate();
        }

        @Override
        public long offsetNanos(long k) {
            while (!ended) {
                double inSegment = rate * (TICK / 1e9);
                if (k < countAtSegmentStart + inSegment) {
                    return segmentStart + Math.round((k - countAtSegmentStart) / rate * 1e9);
                }
                countAtSegmentStart += inSegment;
                segmentStart += TICK;
                LoadShape.Target t = shape.tick(Duration.ofNanos(segmentStart));
                if (t == null) {
                    ended = true;
                } else {
                    rate = Math.max(0, t.rate());
                }
            }
            return -1;
        }
    }
}
