package io.carga.core.threshold;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunControl;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Judges a run's thresholds: every interval against the run so far (to abort a run that is already
 * lost), and once at the end against the whole run, which gives the {@link Verdict}s.
 *
 * <p>With {@link #trackLive()}, every interval each threshold is also judged against the run so far
 * ({@link #live()}), for the live plane. A threshold with {@code abortOnFail} stops the run with {@link StopReason#ABORTED} the first
 * interval it fails once the run is older than its delay. Runs on the interval thread like every
 * output; its work per interval is one histogram merge per distinct scope.
 */
public final class ThresholdOutput implements Output {
    private final List<Threshold> thresholds;
    private final Tiers tiers;
    private final MetricRegistry registry;
    private final Consumer<String> log;
    private final Map<Scope, MetricView> soFar = new LinkedHashMap<>();
    private RunControl control;
    private volatile List<Verdict> verdicts = List.of();
    private volatile List<Verdict> live = List.of();
    private volatile boolean tracking;
    private volatile String abortCause;

    /**
     * @param log receives one line when a threshold aborts the run (the console)
     */
    public ThresholdOutput(List<Threshold> thresholds, Tiers tiers, MetricRegistry registry, Consumer<String> log) {
        this.thresholds = List.copyOf(thresholds);
        this.tiers = tiers;
        this.registry = registry;
        this.log = log;
    }

    @Override
    public void start(RunInfo info) {
        control = info.control();
    }

    @Override
    public void interval(IntervalSnapshot s) {
        if (!tracking && (abortCause != null || thresholds.stream().noneMatch(Threshold::abortOnFail))) {
            return;
        }
        for (Threshold t : thresholds) {
            soFar.computeIfAbsent(t.expression().scope(), x -> new MetricView());
        }
        soFar.forEach((scope, view) -> view.add(MetricView.of(s, scope, tiers)));
        List<Verdict> now = new ArrayList<>(thresholds.size());
        for (Threshold t : thresholds) {
            now.add(judge(t, soFar.get(t.expression().scope())));
        }
        live = List.copyOf(now);
        if (abortCause != null) {
            return;
        }
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold t = thresholds.get(i);
            if (!t.abortOnFail() || s.elapsedSeconds() * 1000 < t.abortDelay().toMillis()) {
                continue;
            }
            Verdict v = now.get(i);
            if (v.failed()) {
                abortCause = "threshold failed with abort_on_fail: " + v.message();
                log.accept("carga: " + abortCause + "; stopping the run");
                control.stop(StopReason.ABORTED, abortCause);
                return;
            }
        }
    }

    /**
     * Judges every threshold on the run so far each interval from now on, for {@link #live()}. Without it
     * only the abort-on-fail thresholds are judged while the run goes. Call before the run starts.
     */
    public ThresholdOutput trackLive() {
        tracking = true;
        return this;
    }

    /**
     * Each threshold judged against the run so far, as of the last interval (the live plane shows these);
     * empty before the first interval or without {@link #trackLive()}. Safe to call from any thread.
     */
    public List<Verdict> live() {
        return live;
    }

    @Override
    public void finish(RunResult result) {
        verdicts = evaluate(thresholds, tiers, registry, scope -> MetricView.of(result.aggregate(), scope, tiers));
    }

    /** Judges each threshold against the view of its scope. */
    public static List<Verdict> evaluate(List<Threshold> thresholds, Tiers tiers, MetricRegistry registry,
                                         java.util.function.Function<Scope, MetricView> views) {
        Map<Scope, MetricView> cache = new LinkedHashMap<>();
        List<Verdict> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            MetricView v = cache.computeIfAbsent(t.expression().scope(), views);
            out.add(judge(t, v, registry));
        }
        return List.copyOf(out);
    }

    private Verdict judge(Threshold t, MetricView view) {
        return judge(t, view, registry);
    }

    static Verdict judge(Threshold t, MetricView view, MetricRegistry registry) {
        Expression e = t.expression();
        OptionalDouble m = registry.measure(e.metric(), view);
        if (m.isEmpty()) {
            String why = registry.find(e.metric()) == null && !e.metric().isPercentile()
                    ? "no metric '" + e.metric().label() + "' was recorded in this run"
                    : "no matching requests" + (e.scope().isAll() ? "" : " for " + e.scope().label());
            return new Verdict(t, Verdict.Status.NOT_EVALUATED, Double.NaN, why);
        }
        double value = m.getAsDouble();
        return new Verdict(t, e.holds(value) ? Verdict.Status.PASSED : Verdict.Status.FAILED, value, null);
    }

    /** The end verdicts, in threshold order; empty before the run finished. */
    public List<Verdict> verdicts() {
        return verdicts;
    }

    public boolean failed() {
        return verdicts.stream().anyMatch(Verdict::failed);
    }

    /** Why this output aborted the run, or null. */
    public String abortCause() {
        return abortCause;
    }
}
