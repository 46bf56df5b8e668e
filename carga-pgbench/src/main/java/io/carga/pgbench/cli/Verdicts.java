package io.carga.pgbench.cli;

import io.carga.core.event.EventSink;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.MetricView;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdOutput;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.ThresholdSyntaxException;
import io.carga.core.threshold.Tiers;
import io.carga.core.threshold.Verdict;
import io.carga.pgbench.run.Bench;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * carga's thresholds for a {@code carga db} run: parsed before anything connects, judged once at the
 * end on a metrics hub fed with the run's transaction and statement events.
 */
final class Verdicts {
    private final List<Threshold> thresholds;
    private final MetricRegistry registry = MetricRegistry.builtIn();
    private final MetricsHub hub = new MetricsHub();

    private Verdicts(List<Threshold> thresholds) {
        this.thresholds = thresholds;
    }

    static Verdicts parse(List<String> texts) {
        List<Threshold> list = new ArrayList<>();
        ThresholdParser parser = new ThresholdParser(MetricRegistry.builtIn());
        for (String t : texts) {
            try {
                list.add(Threshold.of("db", parser.parse(t)));
            } catch (ThresholdSyntaxException e) {
                throw new DbCommand.UsageException("invalid threshold \"" + t + "\": " + e.getMessage());
            }
        }
        return new Verdicts(List.copyOf(list));
    }

    /** The sink the run reports to: the caller's, plus this hub when there are thresholds. */
    EventSink sink(EventSink outer) {
        if (thresholds.isEmpty()) return outer;
        if (outer == null) return hub;
        return e -> {
            outer.record(e);
            hub.record(e);
        };
    }

    /** Prints the verdicts; returns whether one failed. */
    boolean judge(Bench.Result r, int clients, PrintStream out) {
        if (thresholds.isEmpty()) return false;
        long end = r.startEpochMs() + (long) (r.seconds() * 1000);
        IntervalSnapshot whole = hub.drain(0, r.startEpochMs(), end, r.seconds(), clients);
        List<Verdict> verdicts = ThresholdOutput.evaluate(thresholds, Tiers.NONE, registry,
                scope -> MetricView.of(whole, scope, Tiers.NONE));
        out.println();
        out.println("carga: thresholds");
        boolean failed = false;
        for (Verdict v : verdicts) {
            failed |= v.failed();
            String mark = switch (v.status()) {
                case PASSED -> "  ok    ";
                case FAILED -> "  FAIL  ";
                case NOT_EVALUATED -> "  n/a   ";
            };
            out.println(mark + v.message());
        }
        return failed;
    }
}
