package io.carga.core.threshold;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluates windowed alert rules while a run goes on. Each interval it moves a
 * {@link SlidingWindow} per (scope, window length) the rules use, and hands each rule's
 * {@link AlertTracker} the metric over that rule's window. State changes go to the listener
 * (console, results log) as they happen, and are kept for the end report.
 *
 * <p>Time is the snapshots' own end time, so a test drives it with a fake clock. Memory is one
 * histogram per scope per interval of each window (60 for a 1-minute window).
 */
public final class AlertOutput implements Output {
    private record Key(Scope scope, long windowMs) {
    }

    private final List<AlertTracker> trackers = new ArrayList<>();
    private final Tiers tiers;
    private final MetricRegistry registry;
    private final Consumer<AlertEvent> listener;
    private final Map<Key, SlidingWindow> windows = new LinkedHashMap<>();
    private final List<AlertEvent> events = new ArrayList<>();

    /**
     * @param listener called on the interval thread for each state change; must not block
     */
    public AlertOutput(List<AlertRule> rules, Tiers tiers, MetricRegistry registry, Consumer<AlertEvent> listener) {
        rules.forEach(r -> trackers.add(new AlertTracker(r)));
        this.tiers = tiers;
        this.registry = registry;
        this.listener = listener;
        rules.forEach(r -> windows.computeIfAbsent(key(r), k -> new SlidingWindow(k.windowMs())));
    }

    private static Key key(AlertRule r) {
        return new Key(r.condition().scope(), r.window().toMillis());
    }

    @Override
    public void interval(IntervalSnapshot s) {
        long now = s.endEpochMs();
        Map<Scope, MetricView> views = new LinkedHashMap<>();
        Map<Key, MetricView> current = new LinkedHashMap<>();
        windows.forEach((k, w) -> current.put(k, w.advance(now, views.computeIfAbsent(k.scope(), sc -> MetricView.of(s, sc, tiers)))));
        for (AlertTracker t : trackers) {
            AlertRule r = t.rule();
            t.observe(now, registry.measure(r.condition().metric(), current.get(key(r)))).ifPresent(e -> {
                synchronized (events) {
                    events.add(e);
                }
                listener.accept(e);
            });
        }
    }

    /** Every state change so far, in order. */
    public List<AlertEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Names of the rules firing now (at the end: still firing when the run stopped). */
    public List<String> firing() {
        return trackers.stream().filter(AlertTracker::firing).map(t -> t.rule().name()).toList();
    }
}
