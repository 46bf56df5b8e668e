package io.carga.pgbench.cli;

import io.carga.core.output.Output;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdOutput;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.ThresholdSyntaxException;
import io.carga.core.threshold.Tiers;
import io.carga.core.threshold.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * carga's thresholds for a {@code carga db} run: parsed before anything connects, judged by a
 * {@link ThresholdOutput} among the run's outputs, printed after pgbench's report.
 */
final class Verdicts {
    private final ThresholdOutput output;

    private Verdicts(List<Threshold> thresholds) {
        this.output = thresholds.isEmpty() ? null
                : new ThresholdOutput(thresholds, Tiers.NONE, MetricRegistry.builtIn(), line -> { });
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

    /** The output judging them, to add to the run's; none without thresholds. */
    List<Output> outputs() {
        return output == null ? List.of() : List.of(output);
    }

    /** After the run: every threshold's verdict, in order. */
    List<Verdict> verdicts() {
        return output == null ? List.of() : output.verdicts();
    }

    /** Prints the verdicts; returns whether one failed. */
    boolean print(PrintStream out) {
        if (output == null) return false;
        out.println();
        out.println("carga: thresholds");
        for (Verdict v : verdicts()) {
            String mark = switch (v.status()) {
                case PASSED -> "  ok    ";
                case FAILED -> "  FAIL  ";
                case NOT_EVALUATED -> "  n/a   ";
            };
            out.println(mark + v.message());
        }
        return output.failed();
    }
}
