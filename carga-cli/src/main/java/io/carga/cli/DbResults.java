package io.carga.cli;

import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.threshold.Verdict;
import io.carga.observe.LivePlane;
import io.carga.observe.metrics.Judgements;
import io.carga.observe.metrics.SeriesRoles;
import io.carga.pgbench.cli.ResultsFolder;
import io.carga.report.results.LiveFile;
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
    /** carga db's {@code --listen} options: Main adds them to the db command as a mixin. */
    final ListenOptions listen = new ListenOptions();
    private LivePlane plane;
    private Path dir;
    /** The run's hold on its folder while it goes ({@link io.carga.report.ledger.Ledger#running}). */
    private AutoCloseable running;

    @Override
    public Path prepare(Path out) throws IOException {
        Path d = out != null ? out : OutputOptions.defaultDir();
        plane = listen.open(System.out); // a bad address is refused before the folder exists
        try {
            ResultsFiles.prepare(d);
        } catch (IOException e) {
            release();
            throw e;
        }
        dir = d;
        io.carga.report.cost.CostInputs.defaults().write(d); // carga db is priced at the default prices: its instance, its storage
        running = io.carga.report.ledger.Ledger.running(d);
        return d;
    }

    @Override
    public List<Output> live(List<String> scripts) {
        if (plane == null) {
            return List.of();
        }
        if (plane.metricsUrl() != null) {
            LiveFile.write(dir, plane.metricsUrl());
        }
        // carga db's thresholds are judged by its own Verdicts, which the live plane does not see yet
        return plane.forRun("", SeriesRoles.dbScripts(scripts), Judgements.NONE);
    }

    @Override
    public void release() {
        unlock();
        if (plane != null) {
            plane.close();
            plane = null;
        }
    }

    @Override
    public List<Output> outputs(Path dir) {
        return List.of(new ResultsLogWriter(dir));
    }

    @Override
    public void complete(Path dir, RunResult result, List<Verdict> verdicts, PrintStream out) {
        try {
            SummaryJson.write(dir, SummaryJson.build(RunMeta.read(dir), result.aggregate(), new io.carga.report.summary.Judged(verdicts, List.of(), false), dir));
            out.println("results: " + dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            out.println("carga: could not write summary.json (" + e + "); rebuild it with: carga report " + dir);
        }
        EndReports.write(dir, out);
        LedgerBooking.book(dir, result, io.carga.report.cost.CostInputs.defaults(), null, out);
        unlock();
    }

    private void unlock() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                // only a marker: the OS drops the lock with the process anyway
            }
            running = null;
        }
    }
}
