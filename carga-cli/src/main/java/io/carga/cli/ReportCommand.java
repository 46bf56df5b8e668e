package io.carga.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.report.results.ResultsLogReader;
import io.carga.report.summary.ConsoleSummary;
import io.carga.report.summary.SummaryJson;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code carga report DIR}: rebuilds summary.json and the console summary from a results folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild summary.json, report.html, stats.csv and the summary table from a results folder (also after a crash).")
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
        ObjectNode summary = SummaryJson.build(run.meta(), run.aggregate());
        SummaryJson.write(dir, summary);
        System.out.print(ConsoleSummary.render(run.meta(), run.aggregate()));
        System.out.println("rebuilt from " + run.intervals() + " intervals: " + dir.resolve("summary.json"));
        return reports.write(dir, System.out).code();
    }
}
