package io.carga.cli;

import io.carga.report.html.ReportBuilder;
import java.io.PrintStream;
import java.nio.file.Path;

/** Writes report.html, stats.csv and stats_history.csv at the end of a run; a failure here never fails the run. */
final class EndReports {
    private EndReports() {
    }

    static void write(Path dir, PrintStream out) {
        try {
            ReportBuilder.Built b = new ReportBuilder().build(dir, null, null);
            out.println("report: " + b.html().toAbsolutePath() + " (grade " + b.grade().letter() + ")");
        } catch (Exception | OutOfMemoryError e) {
            out.println("carga: could not write report.html (" + e + "); rebuild it with: carga report " + dir);
        }
    }
}
