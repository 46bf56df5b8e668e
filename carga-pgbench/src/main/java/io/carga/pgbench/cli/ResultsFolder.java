package io.carga.pgbench.cli;

import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.threshold.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The results folder of a {@code carga db} run, written as for any carga run (run.json, latency.hlog,
 * timeseries.jsonl, summary.json, report.html). carga-pgbench knows no output format (they live in
 * carga-report), so the CLI's composition root implements this and hands it to {@link DbCommand}.
 *
 * <p>Called on the command's thread, in this order: {@link #prepare} before anything connects,
 * {@link #outputs} and {@link #live} before the clients start, {@link #complete} after pgbench's report is
 * printed, {@link #release} last, whatever happened.
 */
public interface ResultsFolder {

    /**
     * The folder for {@code --out} ({@code null}: the default, as {@code carga run} names it), created
     * and checked writable.
     *
     * @throws IOException with a message for the user when it cannot be written
     */
    Path prepare(Path out) throws IOException;

    /** The outputs writing the folder as the run goes (they see every interval snapshot). */
    List<Output> outputs(Path dir);

    /**
     * Outputs that serve the run live (the CLI's {@code --listen}), given the run's script names: a
     * transaction reports under its script's name, a statement under {@code SCRIPT:LINE}. Called once, with
     * {@link #outputs}, for the measured run only (never for the rehearsal).
     */
    default List<Output> live(List<String> scripts) {
        return List.of();
    }

    /** After {@link #complete}, or after a failed run: what {@link #prepare} opened is closed. Never throws. */
    default void release() {
    }

    /**
     * The end of the run: the summary (with the thresholds' verdicts) and the report, then one line
     * each on {@code out} saying where they are. A failure here is printed, never thrown.
     */
    void complete(Path dir, RunResult result, List<Verdict> verdicts, PrintStream out);
}
