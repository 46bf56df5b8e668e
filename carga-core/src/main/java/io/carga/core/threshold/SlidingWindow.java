package io.carga.core.threshold;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last {@code lengthMs} of one scope's intervals, kept as a running sum: each interval is added
 * once and subtracted once when it leaves, so an hour-long window costs two histogram operations per
 * interval, not 3,600.
 */
final class SlidingWindow {
    private record Slice(long endMs, MetricView view) {
    }

    private final long lengthMs;
    private final Deque<Slice> slices = new ArrayDeque<>();
    private final MetricView sum = new MetricView();

    SlidingWindow(long lengthMs) {
        this.lengthMs = lengthMs;
    }

    /** Adds the interval that ended at {@code endMs} and drops those now older than the window. */
    MetricView advance(long endMs, MetricView interval) {
        slices.addLast(new Slice(endMs, interval));
        sum.add(interval);
        while (slices.peekFirst().endMs() <= endMs - lengthMs) {
            sum.subtract(slices.removeFirst().view());
        }
        int peak = 0;
        for (Slice s : slices) {
            peak = Math.max(peak, s.view().usersPeak());
        }
        sum.usersPeak(peak);
        return sum;
    }
}
