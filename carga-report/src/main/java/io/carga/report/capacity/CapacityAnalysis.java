package io.carga.report.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Judges capacity steps: pure, so the live search and the tests share it. */
public final class CapacityAnalysis {
    /** The spec's scaling targets (section 1.2), concurrent users. */
    public static final List<CapacityResult.Target> SCALING_TARGETS = List.of(
            new CapacityResult.Target("month 1", 100, false), new CapacityResult.Target("month 6", 500, false),
            new CapacityResult.Target("month 12", 1000, false), new CapacityResult.Target("month 24", 5000, false));
    /** A p95 this many times the lightest step's marks the knee (when throughput has not turned first). */
    static final double KNEE_LATENCY_FACTOR = 1.5;
    /** ...and at least this much higher, so that 1 ms becoming 2 ms is not a knee. */
    static final double KNEE_MIN_RISE_MS = 10;

    private CapacityAnalysis() {
    }

    /** Why {@code step} is not stable, given the step before it (null for the first); empty when stable. */
    public static List<String> breaches(StepStats step, StepStats previous, CapacityCriteria c) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, StepStats.NameStats> e : step.byName().entrySet()) {
            double limit = c.limitFor(e.getKey());
            if (e.getValue().count() > 0 && e.getValue().p95Ms() > limit) {
                out.add(String.format(Locale.ROOT, "%s p95 %.0f ms > %.0f ms", e.getKey(), e.getValue().p95Ms(), limit));
            }
        }
        if (step.errorRate() > c.maxErrorRate()) {
            out.add(String.format(Locale.ROOT, "errors %.2f%% > %.2f%%", step.errorRate() * 100, c.maxErrorRate() * 100));
        }
        if (previous != null && previous.rps() > 0 && step.users() > previous.users()) {
            double expectedGain = (double) step.users() / previous.users() - 1;
            double gain = step.rps() / previous.rps() - 1;
            if (gain < c.minGrowth() * expectedGain) {
                out.add(String.format(Locale.ROOT, "throughput stopped growing: %.1f rps at %d users after %.1f rps at %d",
                        step.rps(), step.users(), previous.rps(), previous.users()));
            }
        }
        if (step.count() == 0) {
            out.add("no request finished during the step");
        }
        return out;
    }

    public static CapacityResult evaluate(List<StepStats> stats, CapacityCriteria c, int plannedLastUsers) {
        List<CapacityResult.Step> steps = new ArrayList<>();
        int maxStable = 0;
        String limit = null;
        String limitingName = null;
        boolean saturated = false;
        StepStats previous = null;
        for (StepStats s : stats) {
            List<String> breaches = breaches(s, previous, c);
            boolean stable = breaches.isEmpty();
            steps.add(new CapacityResult.Step(s, stable, breaches));
            saturated |= s.saturated();
            if (!stable) {
                limit = String.join("; ", breaches);
                limitingName = worstName(s, c);
                break;
            }
            maxStable = s.users();
            previous = s;
        }
        if (limit == null) {
            limit = stats.isEmpty() ? "no step completed"
                    : maxStable >= plannedLastUsers ? "every step up to " + plannedLastUsers + " users passed: raise the maximum to find the limit"
                    : "the run ended after " + maxStable + " users before a step failed";
        }
        List<CapacityResult.Target> targets = new ArrayList<>();
        for (CapacityResult.Target t : SCALING_TARGETS) {
            targets.add(new CapacityResult.Target(t.name(), t.users(), maxStable >= t.users()));
        }
        return new CapacityResult(steps, maxStable, knee(stats), limit, limitingName, saturated, targets);
    }

    /** The name furthest over its limit at a failed step, or null when none breached its latency SLA. */
    private static String worstName(StepStats s, CapacityCriteria c) {
        String worst = null;
        double ratio = 1;
        for (Map.Entry<String, StepStats.NameStats> e : s.byName().entrySet()) {
            double r = e.getValue().p95Ms() / c.limitFor(e.getKey());
            double errRate = e.getValue().count() == 0 ? 0 : (double) e.getValue().errors() / e.getValue().count();
            if (errRate > c.maxErrorRate()) {
                r = Math.max(r, 1 + errRate);
            }
            if (r > ratio) {
                ratio = r;
                worst = e.getKey();
            }
        }
        return worst;
    }

    /**
     * The knee: the first step where the latency passes {@value #KNEE_LATENCY_FACTOR}× the lightest
     * step's p95, or where each added user brings less than half the throughput a user brought at the
     * lightest step. The step before it is the last one on the straight part of the curve.
     */
    static int knee(List<StepStats> stats) {
        if (stats.size() < 2) {
            return 0;
        }
        StepStats first = stats.get(0);
        double perUser = first.rps() / first.users();
        for (int i = 1; i < stats.size(); i++) {
            StepStats s = stats.get(i);
            StepStats prev = stats.get(i - 1);
            double marginal = (s.rps() - prev.rps()) / (s.users() - prev.users());
            boolean slower = s.p95Ms() > Math.max(KNEE_LATENCY_FACTOR * first.p95Ms(), first.p95Ms() + KNEE_MIN_RISE_MS);
            if (slower || marginal < perUser / 2) {
                return prev.users();
            }
        }
        return 0;
    }
}
