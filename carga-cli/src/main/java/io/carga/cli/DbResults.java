package io.carga.cli;

import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.threshold.Verdict;
import io.carga.pgbench.cli.ResultsFolder;
import io.carga.report.results.ResultsFiles;
import io.carga.report.results.ResultsLogWriter;
import io.carga.report.results.RunMeta;
import io.carga.report.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code carga db}'s results folder: the files of any run, by the same writers as {@code carga run}'s
 * (results log as it goes, then summary.json with the thresholds' verdicts, then report.html). No console
 * summary: carga db prints pgbench's report and its own percentiles instead.
 */
final class DbResults implements ResultsFolder {

    @Override
    public Path prepare(Path out) throws IOException {
        Path dir = out != null ? out : OutputOptions.defaultDir();
        ResultsFiles.prepare(dir);
        return dir;
    }

    @Override
    public List<Output> outputs(Path dir) {
        return List.of(new ResultsLogWriter(dir));
    }

    @Override
    public void complete(Path dir, RunResult result, List<Verdict> verdicts, PrintStream out) {
        try {
            SummaryJson.write(dir, SummaryJson.build(RunMeta.read(dir), result.aggregate(), verdicts, List.of()));
            out.println("results: " + dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            out.println("carga: could not write summary.json (" + e + "); rebuild it with: carga report " + dir);
        }
        EndReports.write(dir, out);
    }
}
