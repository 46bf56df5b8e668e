package io.carga.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.report.results.ResultsLogReader;
import io.carga.report.summary.ConsoleSummary;
import io.carga.report.summary.SummaryJson;
import io.carga.report.summary.Judged;
import io.carga.cli.plan.Rejudge;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code carga report DIR}: rebuilds summary.json and the console summary from a results folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild summary.json, report.html, stats.csv, junit.xml and the summary table from a results folder (also after a crash); exits as the run did.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A results folder written by carga run.")
    Path dir;

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no such results folder: " + dir);
        }
        ResultsLogReader.Rebuilt run;
        try {
            run = new ResultsLogReader().read(dir);
        } catch (FileNotFoundException e) {
            throw new UsageException(e.getMessage());
        }
        Rejudge.Result judged = Rejudge.of(dir, run.meta(), run.aggregate());
        ObjectNode summary = SummaryJson.build(run.meta(), run.aggregate(), judged == null ? Judged.NONE : judged.judged(), dir);
        SummaryJson.write(dir, summary);
        System.out.print(ConsoleSummary.render(run.meta(), run.aggregate()));
        System.out.print(ConsoleSummary.costs(summary));
        System.out.println("rebuilt from " + run.intervals() + " intervals: " + dir.resolve("summary.json"));
        if (judged != null) {
            Rejudge.writeJunit(dir, run.meta(), run.aggregate(), judged, System.out);
        }
        ExitCode report = reports.write(dir, System.out);
        ledger(dir);
        // the run's own ending first: a rebuild exits as the run did; a baseline regression only turns OK into 1
        ExitCode ran = judged != null ? judged.exit()
                : ExitCode.of(run.meta().finished() ? run.meta().stopReason() : null, run.aggregate().saturated(), false, false);
        return (ran == ExitCode.OK ? report : ran).code();
    }

    /** A killed run has no ledger line yet: reading the ledger beside it prices it from its folder now. */
    private static void ledger(Path dir) {
        try {
            io.carga.report.ledger.Ledger.beside(dir).entries();
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("carga: could not update the test-cost ledger beside " + dir + " (" + e + ")");
        }
    }
}
