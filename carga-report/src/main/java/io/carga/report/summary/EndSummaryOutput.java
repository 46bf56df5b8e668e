package io.carga.report.summary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.report.results.RunMeta;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * At the end of a run: writes summary.json and prints the summary table. Put it after the outputs that judge
 * the run (thresholds, alerts): its {@code judged} is asked at the end, so summary.json holds their verdicts
 * before any report is built from it.
 */
public final class EndSummaryOutput implements Output {
    private final Path dir;
    private final PrintStream out;
    private final Supplier<Judged> judged;
    private final boolean table;
    private RunMeta meta;
    private ObjectNode summary;

    public EndSummaryOutput(Path dir, PrintStream out) {
        this(dir, out, () -> Judged.NONE);
    }

    public EndSummaryOutput(Path dir, PrintStream out, Supplier<Judged> judged) {
        this(dir, out, judged, true);
    }

    /** @param table whether to print the summary table; without it only where the results are (carga db prints pgbench's own) */
    public EndSummaryOutput(Path dir, PrintStream out, Supplier<Judged> judged, boolean table) {
        this.dir = dir;
        this.out = out;
        this.judged = judged;
        this.table = table;
    }

    @Override
    public void start(RunInfo info) {
        meta = RunMeta.of(info);
    }

    @Override
    public void loadChanged(io.carga.core.load.LoadChange change) {
        meta = meta.withChange(change);
    }

    @Override
    public void interval(IntervalSnapshot snapshot) {
        // Everything it needs comes with the result.
    }

    @Override
    public void finish(RunResult result) throws Exception {
        RunMeta ended = meta.ended(result);
        summary = SummaryJson.build(ended, result.aggregate(), judged.get(), dir);
        SummaryJson.write(dir, summary);
        if (table) {
            out.println();
            out.print(ConsoleSummary.render(ended, result.aggregate()));
            out.print(ConsoleSummary.costs(summary));
        }
        out.println("results: " + dir.toAbsolutePath());
        out.flush();
    }

    /** The summary written at the end, or null before. */
    public ObjectNode summary() {
        return summary;
    }
}
