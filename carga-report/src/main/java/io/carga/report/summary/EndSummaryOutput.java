package io.carga.report.summary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.report.results.RunMeta;
import java.io.PrintStream;
import java.nio.file.Path;

/** At the end of a run: writes summary.json and prints the summary table. */
public final class EndSummaryOutput implements Output {
    private final Path dir;
    private final PrintStream out;
    private RunMeta meta;
    private ObjectNode summary;

    public EndSummaryOutput(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    @Override
    public void start(RunInfo info) {
        meta = RunMeta.of(info);
    }

    @Override
    public void interval(IntervalSnapshot snapshot) {
        // Everything it needs comes with the result.
    }

    @Override
    public void finish(RunResult result) throws Exception {
        RunMeta ended = meta.ended(result);
        summary = SummaryJson.build(ended, result.aggregate());
        SummaryJson.write(dir, summary);
        out.println();
        out.print(ConsoleSummary.render(ended, result.aggregate()));
        out.println("results: " + dir.toAbsolutePath());
        out.flush();
    }

    /** The summary written at the end, or null before. */
    public ObjectNode summary() {
        return summary;
    }
}
