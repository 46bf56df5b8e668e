package io.carga.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.ExitCode;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
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
import io.carga.report.results.JudgeFile;
import io.carga.report.summary.Judged;
import io.carga.core.load.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The verdict side of one run: the threshold and alert outputs it adds, what judges it (judge.json, written
 * into the results folder before the run starts, so a rebuild judges it the same way), and what it does once
 * the run is over: print each verdict, write junit.xml, and give the exit code. summary.json gets the
 * verdicts from {@link #judged} (the end summary asks for them). Alerts are printed and appended to
 * {@code alerts.jsonl} as they change.
 */
public final class Judge {
    /** Alert state changes, one JSON object a line, written while the run goes on. */
    public static final String ALERTS = "alerts.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String suite;
    private final List<Threshold> list;
    private final List<AlertRule> rules;
    private final Tiers tiers;
    private final boolean acceptCut;
    private final ThresholdOutput thresholds;
    private final AlertOutput alerts;
    private final PrintStream out;
    private Path dir;
    private JUnitXml.Suite junit;

    /**
     * @param acceptCut whether a stop at the maximum duration before the planned end counts as a normal end
     *                  (the plan's {@code cost_controls.accept_auto_shutdown})
     */
    public Judge(String suite, List<Threshold> list, List<AlertRule> rules, Tiers tiers, MetricRegistry registry, boolean acceptCut,
                 PrintStream out) {
        this.suite = suite;
        this.list = List.copyOf(list);
        this.rules = List.copyOf(rules);
        this.tiers = tiers;
        this.acceptCut = acceptCut;
        this.out = out;
        this.thresholds = new ThresholdOutput(list, tiers, registry, out::println);
        this.alerts = new AlertOutput(rules, tiers, registry, this::alert);
    }

    /** The outputs to add to the run; {@code resultsDir} is its results folder, where judge.json goes now. */
    public List<Output> outputs(Path resultsDir) throws IOException {
        this.dir = resultsDir;
        JudgeFile.of(suite, acceptCut, list, rules, tiers).write(resultsDir);
        return List.of(thresholds, alerts);
    }

    private void alert(AlertEvent e) {
        out.println("carga: " + e.message());
        try {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", e.rule().name());
            line.put("state", e.state().name().toLowerCase(Locale.ROOT));
            line.put("at_ms", e.atEpochMs());
            line.put("value", e.value());
            line.put("severity", e.rule().severity());
            line.put("condition", e.rule().text());
            line.put("message", e.message());
            Files.writeString(dir.resolve(ALERTS), JSON.writeValueAsString(line) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** What judged the run, for summary.json; complete once the run's outputs have finished. */
    public Judged judged() {
        return new Judged(thresholds.verdicts(), alerts.events(), acceptCut);
    }

    /** After the run (summary.json written): prints the verdicts, writes junit.xml and gives the exit code. */
    public ExitCode finish(RunResult result) throws IOException {
        List<Verdict> verdicts = thresholds.verdicts();
        print(verdicts, out);
        if (!alerts.firing().isEmpty()) {
            out.println("alerts still firing at the end: " + String.join(", ", alerts.firing()));
        }
        RunMeta meta = RunMeta.read(dir);
        ExitCode exit = ExitCode.of(meta.stopReason(), result.aggregate().saturated(), thresholds.failed(), acceptCut);
        junit = junit(suite, meta, result.aggregate().startEpochMs(), result.aggregate().durationSeconds(), verdicts, exit, acceptCut);
        JUnitXml.write(dir.resolve(JUnitXml.FILE), List.of(junit));
        return exit;
    }

    static void print(List<Verdict> verdicts, PrintStream out) {
        if (verdicts.isEmpty()) {
            return;
        }
        out.println("thresholds:");
        for (Verdict v : verdicts) {
            out.println("  " + switch (v.status()) {
                case PASSED -> "✓ ";
                case FAILED -> "✗ ";
                case NOT_EVALUATED -> "- ";
            } + v.message());
        }
    }

    /** The JUnit suite of a judged run: its verdicts, and a {@code run} testcase saying how the run ended when that counts. */
    static JUnitXml.Suite junit(String suite, RunMeta meta, long startMs, double seconds, List<Verdict> verdicts, ExitCode exit,
                                boolean acceptCut) {
        String cut = meta.cutShort() ? cutShort(meta) : null;
        String problem = switch (exit) {
            case ABORTED, BUDGET -> meta.stopCause() == null ? exit.name().toLowerCase(Locale.ROOT) : meta.stopCause();
            case CUT_SHORT -> cut + "; the plan does not accept that (cost_controls.accept_auto_shutdown)";
            case INVALID_RUN -> "the load generator was saturated; the figures can't be trusted";
            case INTERRUPTED -> meta.finished() ? "interrupted by a signal" : "the run ended abruptly";
            default -> null;
        };
        String note = problem == null && cut != null ? cut + " (accepted by the plan)" : null;
        return new JUnitXml.Suite(suite, startMs, seconds, verdicts, problem, problem == null ? null : exit.name().toLowerCase(Locale.ROOT),
                note);
    }

    /** "cut short by the maximum duration of 2h, before the planned 4h". */
    static String cutShort(RunMeta meta) {
        return "cut short by the maximum duration" + (meta.maxDurationMs() > 0 ? " of " + Durations.format(Duration.ofMillis(meta.maxDurationMs())) : "")
                + (meta.plannedMs() > 0 ? ", before the planned " + Durations.format(Duration.ofMillis(meta.plannedMs())) : ", before the load plan's end");
    }

    /** The live state of this run's thresholds and alert rules, for the live plane. */
    public Judgements live() {
        return new Judgements(thresholds.trackLive()::live, rules.stream().map(AlertRule::name).toList(), alerts::firing);
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
