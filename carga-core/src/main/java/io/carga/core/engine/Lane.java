package io.carga.core.engine;

import io.carga.core.api.Metrics;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.event.EventSink;
import io.carga.core.event.Tags;
import io.carga.core.load.MixedModel;
import io.carga.core.load.OpenModel;
import io.carga.core.load.ShapeModel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of a run one executor drives: whose users it starts, where their requests go, when its clock
 * starts. A run of one load model has one lane that is the whole run (its scenario, the hub itself, the
 * run's start), so nothing is added on its path; a mixed run has a lane per scenario, which counts its
 * own users and, with several scenarios, tags its requests {@code scenario=<name>}.
 */
final class Lane {
    final Scenario scenario;
    final EventSink events;
    final long startNanos;
    private final RunState run;
    private final AtomicLong kinds = new AtomicLong();
    /** Null for the whole run: its users are the run's. */
    private final AtomicInteger active;
    private final AtomicInteger peak = new AtomicInteger();
    private final Metrics.Gauge peakGauge;
    private final Metrics.Counter dropped;

    private Lane(RunState run, Scenario scenario, EventSink events, long startNanos, AtomicInteger active,
                 Metrics.Gauge peakGauge, Metrics.Counter dropped) {
        this.run = run;
        this.scenario = scenario;
        this.events = events;
        this.startNanos = startNanos;
        this.active = active;
        this.peakGauge = peakGauge;
        this.dropped = dropped;
    }

    /** The whole run as one lane. */
    static Lane whole(RunState run) {
        return new Lane(run, run.config.scenario(), run.hub, run.startNanos, null, null, null);
    }

    /** A scenario of a mixed run; tagged when the run has several. */
    static Lane part(RunState run, MixedModel.Part p, boolean tagged) {
        long start = run.startNanos + p.startAfter().toNanos();
        if (!tagged) {
            return new Lane(run, p.scenario(), run.hub, start, new AtomicInteger(), null, null);
        }
        Tags tag = Tags.of(MixedModel.TAG, p.name());
        Metrics m = run.hub.metrics();
        boolean drops = p.load() instanceof OpenModel || p.load() instanceof ShapeModel;
        return new Lane(run, p.scenario(), new ScenarioTagger(run.hub, p.name()), start, new AtomicInteger(),
                m.gauge(MixedModel.USERS_PEAK, tag), drops ? m.counter(MixedModel.DROPPED, tag) : null);
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** The kind of this lane's next user started. */
    UserSpec nextKind() {
        return scenario.specFor(kinds.getAndIncrement());
    }

    void userStarted() {
        run.userStarted();
        if (active != null) {
            int now = active.incrementAndGet();
            if (peakGauge != null && now > peak.get() && peak.accumulateAndGet(now, Math::max) == now) {
                peakGauge.set(now);
            }
        }
    }

    void userEnded() {
        if (active != null) {
            active.decrementAndGet();
        }
        run.userEnded();
    }

    int activeUsers() {
        return active != null ? active.get() : run.activeUsers();
    }

    /** An iteration the schedule wanted but found no free slot for. */
    void dropped() {
        run.hub.recordDropped();
        if (dropped != null) {
            dropped.increment();
        }
    }
}
