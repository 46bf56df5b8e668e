package io.carga.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.ExitCode;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import io.carga.core.threshold.AlertEvent;
import io.carga.core.threshold.AlertOutput;
import io.carga.core.threshold.AlertRule;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdOutput;
import io.carga.core.threshold.Tiers;
import io.carga.core.threshold.Verdict;
import io.carga.observe.metrics.Judgements;
import io.carga.report.junit.JUnitXml;
import io.carga.report.results.RunMeta;
import io.carga.report.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The verdict side of one run: the threshold and alert outputs it adds, and what it does once the run
 * is over: print each verdict, write junit.xml, add thresholds and alerts to summary.json, and turn a
 * failed threshold into exit code 1. Alerts are printed and appended to {@code alerts.jsonl} as they
 * change.
 */
public final class Judge {
    /** Alert state changes, one JSON object a line, written while the run goes on. */
    public static final String ALERTS = "alerts.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String suite;
    private final ThresholdOutput thresholds;
    private final AlertOutput alerts;
    private final PrintStream out;
    private final List<String> ruleNames;
    private Path dir;
    private JUnitXml.Suite junit;

    public Judge(String suite, List<Threshold> list, List<AlertRule> rules, Tiers tiers, MetricRegistry registry, PrintStream out) {
        this.suite = suite;
        this.out = out;
        this.thresholds = new ThresholdOutput(list, tiers, registry, out::println);
        this.alerts = new AlertOutput(rules, tiers, registry, this::alert);
        this.ruleNames = rules.stream().map(AlertRule::name).toList();
    }

    /** The outputs to add to the run; {@code dir} is its results folder. */
    public List<Output> outputs(Path resultsDir) {
        this.dir = resultsDir;
        return List.of(thresholds, alerts);
    }

    private void alert(AlertEvent e) {
        out.println("carga: " + e.message());
        try {
            String line = JSON.writeValueAsString(Map.of("name", e.rule().name(), "state", e.state().name().toLowerCase(),
                    "at_ms", e.atEpochMs(), "severity", e.rule().severity(), "condition", e.rule().text(), "message", e.message()));
            Files.writeString(dir.resolve(ALERTS), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** After the run: reports and the exit code, given the one the run's end gave. */
    public ExitCode finish(RunResult result, ExitCode exit) throws IOException {
        List<Verdict> verdicts = thresholds.verdicts();
        if (!verdicts.isEmpty()) {
            out.println("thresholds:");
            for (Verdict v : verdicts) {
                out.println("  " + switch (v.status()) {
                    case PASSED -> "✓ ";
                    case FAILED -> "✗ ";
                    case NOT_EVALUATED -> "- ";
                } + v.message());
            }
        }
        if (!alerts.firing().isEmpty()) {
            out.println("alerts still firing at the end: " + String.join(", ", alerts.firing()));
        }
        RunMeta meta = RunMeta.read(dir);
        SummaryJson.write(dir, SummaryJson.build(meta, result.aggregate(), verdicts, alerts.events()));
        String problem = switch (exit) {
            case ABORTED -> result.cause() == null ? "aborted" : result.cause();
            case INVALID_RUN -> "the load generator was saturated; the figures can't be trusted";
            case INTERRUPTED -> "interrupted by a signal";
            default -> null;
        };
        junit = new JUnitXml.Suite(suite, result.aggregate().startEpochMs(), result.aggregate().durationSeconds(), verdicts,
                problem, problem == null ? null : exit.name().toLowerCase());
        JUnitXml.write(dir.resolve(JUnitXml.FILE), List.of(junit));
        if (exit == ExitCode.OK && result.reason() != StopReason.SIGNAL && thresholds.failed()) {
            return ExitCode.THRESHOLDS_FAILED;
        }
        return exit;
    }

    /** The live state of this run's thresholds and alert rules, for the live plane. */
    public Judgements live() {
        return new Judgements(thresholds.trackLive()::live, ruleNames, alerts::firing);
    }

    public List<Verdict> verdicts() {
        return thresholds.verdicts();
    }

    public List<AlertEvent> alertEvents() {
        return alerts.events();
    }

    /** This run's JUnit suite, after {@link #finish}. */
    public JUnitXml.Suite junit() {
        return junit;
    }
}
