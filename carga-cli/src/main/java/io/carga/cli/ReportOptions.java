package io.carga.cli;

import io.carga.report.baseline.BaselineComparison;
import io.carga.report.baseline.Figure;
import io.carga.report.html.ReportBuilder;
import io.carga.report.results.ResultsLogReader;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code carga report}'s baseline options and the rebuild of report.html and the CSV files. */
final class ReportOptions {
    @Option(names = "--baseline", paramLabel = "DIR", description = "Compare with this earlier results folder, per request name.")
    Path baseline;

    @Option(names = "--fail-on-regression", paramLabel = "PERCENT",
            description = "With --baseline: exit 1 when a checked figure got worse by more than this (e.g. 10%%).")
    String failOnRegression;

    @Option(names = "--regression-figures", paramLabel = "LIST", split = ",",
            description = "Figures --fail-on-regression checks: p50, p95, p99, error_rate, rps, cost (default p95,p99,error_rate).")
    List<String> figures = List.of("p95", "p99", "error_rate");

    /** Writes the reports of {@code dir}; returns the exit code. */
    ExitCode write(Path dir, PrintStream out) throws Exception {
        double limit = failOnRegression == null ? 0.10 : parsePercent(failOnRegression);
        Set<Figure> checked = new LinkedHashSet<>();
        for (String f : figures) {
            checked.add(Figure.parse(f));
        }
        BaselineComparison comparison = null;
        if (baseline != null) {
            if (!Files.isDirectory(baseline)) {
                throw new UsageException("no such baseline folder: " + baseline);
            }
            try {
                comparison = BaselineComparison.compare(new ResultsLogReader().read(baseline).aggregate(),
                        new ResultsLogReader().read(dir).aggregate(), limit, checked);
            } catch (FileNotFoundException e) {
                throw new UsageException(e.getMessage());
            }
        } else if (failOnRegression != null) {
            throw new UsageException("--fail-on-regression needs --baseline DIR");
        }
        ReportBuilder.Built built = new ReportBuilder().build(dir, comparison, baseline == null ? null : baseline.toString());
        out.println("report: " + built.html() + " (grade " + built.grade().letter() + ", " + built.millis() + " ms); stats.csv, stats_history.csv");
        if (comparison != null) {
            out.println();
            out.print(comparison.render());
            if (failOnRegression != null && comparison.regressed()) {
                return ExitCode.THRESHOLDS_FAILED;
            }
        }
        return ExitCode.OK;
    }

    static double parsePercent(String text) {
        String t = text.trim();
        boolean pct = t.endsWith("%");
        try {
            double v = Double.parseDouble(pct ? t.substring(0, t.length() - 1) : t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return pct || v > 1 ? v / 100 : v;
        } catch (NumberFormatException e) {
            throw new UsageException("--fail-on-regression: expected a percentage such as 10%, got '" + text + "'");
        }
    }
}
