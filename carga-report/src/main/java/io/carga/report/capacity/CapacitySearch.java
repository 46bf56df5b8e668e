package io.carga.report.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import io.carga.report.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The capacity search as an output: it watches a run that walks {@link CapacityPlan#model()}'s steps,
 * judges each step when its hold ends, stops the run at the first step that breaks, and writes
 * {@code capacity.json}. Intervals that straddle a ramp are not judged.
 */
public final class CapacitySearch implements Output {
    public static final String FILE = "capacity.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CapacityPlan plan;
    private final CapacityCriteria criteria;
    private final Path dir;
    private final List<Integer> levels;
    private final List<StepStats> done = new ArrayList<>();
    private RunInfo info;
    private int step;
    private Acc acc = new Acc();
    private CapacityResult result;

    public CapacitySearch(CapacityPlan plan, CapacityCriteria criteria, Path dir) {
        this.plan = plan;
        this.criteria = criteria;
        this.dir = dir;
        this.levels = plan.levels();
    }

    /** One step's running totals. */
    private static final class Acc {
        final Histogram all = Histograms.newHistogram();
        final Map<String, Histogram> byName = new TreeMap<>();
        final Map<String, long[]> counts = new TreeMap<>();
        double seconds;
        long count;
        long errors;
        boolean saturated;
    }

    @Override
    public void start(RunInfo runInfo) {
        this.info = runInfo;
    }

    @Override
    public void interval(IntervalSnapshot s) {
        if (step >= levels.size()) {
            return;
        }
        double start = s.elapsedSeconds() - s.durationSeconds();
        if (start >= plan.holdStart(step) - 1e-3 && s.elapsedSeconds() <= plan.holdEnd(step) + 0.05) {
            for (SeriesInterval si : s.requests()) {
                String name = si.key().label();
                acc.all.add(si.latency());
                acc.byName.computeIfAbsent(name, k -> Histograms.newHistogram()).add(si.latency());
                long[] c = acc.counts.computeIfAbsent(name, k -> new long[2]);
                c[0] += si.count();
                c[1] += si.errors();
                acc.count += si.count();
                acc.errors += si.errors();
            }
            acc.seconds += s.durationSeconds();
            double lagP99 = s.generator().lag().getTotalCount() == 0 ? 0 : Histograms.ms(s.generator().lag().getValueAtPercentile(99));
            acc.saturated |= s.generator().cpu() >= RunAggregate.SATURATED_CPU || lagP99 > RunAggregate.SATURATED_LAG_MS;
        }
        if (s.elapsedSeconds() >= plan.holdEnd(step) - 0.05) {
            closeStep();
        }
    }

    private void closeStep() {
        Map<String, StepStats.NameStats> names = new TreeMap<>();
        acc.byName.forEach((name, h) -> {
            long[] c = acc.counts.get(name);
            names.put(name, new StepStats.NameStats(c[0], c[1], p95(h)));
        });
        StepStats stats = new StepStats(levels.get(step), acc.seconds, acc.count, acc.errors, p95(acc.all), names, acc.saturated);
        StepStats previous = done.isEmpty() ? null : done.get(done.size() - 1);
        done.add(stats);
        acc = new Acc();
        step++;
        List<String> breaches = CapacityAnalysis.breaches(stats, previous, criteria);
        if (!breaches.isEmpty() && info != null) {
            info.control().stop(StopReason.COMPLETED, "capacity search: the step at " + stats.users() + " users broke ("
                    + String.join("; ", breaches) + ")");
        }
    }

    private static double p95(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : Histograms.ms(h.getValueAtPercentile(95));
    }

    @Override
    public void finish(RunResult runResult) throws IOException {
        result = CapacityAnalysis.evaluate(done, criteria, levels.get(levels.size() - 1));
        if (dir != null && Files.isDirectory(dir)) {
            ResultsFiles.writeAtomically(dir.resolve(FILE), JSON.writeValueAsString(toJson(plan, criteria, result)));
        }
    }

    /** The result once the run has finished, else null. */
    public CapacityResult result() {
        return result;
    }

    public static ObjectNode toJson(CapacityPlan plan, CapacityCriteria criteria, CapacityResult r) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode p = n.putObject("plan");
        p.put("start_users", plan.start());
        p.put("step_users", plan.step());
        p.put("max_users", plan.max());
        p.put("ramp_s", plan.ramp().toMillis() / 1000.0);
        p.put("hold_s", plan.hold().toMillis() / 1000.0);
        ObjectNode c = n.putObject("criteria");
        c.put("p95_limit_ms", Double.isNaN(criteria.p95LimitMs()) ? "spec tiers (db 100, webhook 200, api 500, ai 800, upload 2000 ms)"
                : String.valueOf(criteria.p95LimitMs()));
        c.put("max_error_rate", criteria.maxErrorRate());
        c.put("min_growth", criteria.minGrowth());
        n.put("max_stable_users", r.maxStableUsers());
        n.put("knee_users", r.kneeUsers());
        n.put("limit", r.limit());
        n.put("limiting_name", r.limitingName());
        n.put("generator_saturated", r.generatorSaturated());
        ArrayNode steps = n.putArray("steps");
        for (CapacityResult.Step s : r.steps()) {
            ObjectNode o = steps.addObject();
            o.put("users", s.stats().users());
            o.put("rps", Math.round(s.stats().rps() * 100) / 100.0);
            o.put("p95_ms", Math.round(s.stats().p95Ms() * 1000) / 1000.0);
            o.put("error_rate", Math.round(s.stats().errorRate() * 10000) / 10000.0);
            o.put("saturated", s.stats().saturated());
            o.put("stable", s.stable());
            ArrayNode b = o.putArray("breaches");
            s.breaches().forEach(b::add);
        }
        ArrayNode t = n.putArray("targets");
        for (CapacityResult.Target x : r.targets()) {
            ObjectNode o = t.addObject();
            o.put("name", x.name());
            o.put("users", x.users());
            o.put("met", x.met());
        }
        return n;
    }
}
