package io.carga.core.threshold;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The state of one alert rule: inactive, pending (the condition holds, not yet for long enough), or
 * firing. Pure: time comes in with each observation, so tests drive it with a fake clock.
 */
public final class AlertTracker {
    private final AlertRule rule;
    private long pendingSinceMs = -1;
    private boolean firing;

    public AlertTracker(AlertRule rule) {
        this.rule = rule;
    }

    /**
     * One evaluation at {@code nowMs}; a missing value counts as the condition not holding.
     *
     * @return the state change, if this observation made one
     */
    public Optional<AlertEvent> observe(long nowMs, OptionalDouble value) {
        boolean holds = value.isPresent() && rule.condition().holds(value.getAsDouble());
        double v = value.isPresent() ? value.getAsDouble() : Double.NaN;
        if (!holds) {
            pendingSinceMs = -1;
            if (firing) {
                firing = false;
                return Optional.of(new AlertEvent(rule, AlertEvent.State.RESOLVED, nowMs, v));
            }
            return Optional.empty();
        }
        if (pendingSinceMs < 0) {
            pendingSinceMs = nowMs;
        }
        if (!firing && nowMs - pendingSinceMs >= rule.forDuration().toMillis()) {
            firing = true;
            return Optional.of(new AlertEvent(rule, AlertEvent.State.FIRING, nowMs, v));
        }
        return Optional.empty();
    }

    public boolean firing() {
        return firing;
    }

    public boolean pending() {
        return pendingSinceMs >= 0 && !firing;
    }

    public AlertRule rule() {
        return rule;
    }
}
