package io.carga.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.ExitCode;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.threshold.AlertEvent;
import io.carga.core.threshold.AlertRule;
import io.carga.core.threshold.Expression;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.MetricView;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdOutput;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.Verdict;
import io.carga.report.junit.JUnitXml;
import io.carga.report.results.JudgeFile;
import io.carga.report.results.RunMeta;
import io.carga.report.summary.Judged;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges a results folder again, as its run did: the thresholds of judge.json against the aggregate rebuilt
 * from the results log, and the alerts as alerts.jsonl recorded them while the run went (a killed run keeps
 * those up to its end). {@code carga report DIR} uses it, so a rebuild gives the run's verdicts, junit.xml
 * and exit code.
 */
public final class Rejudge {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The judge of the folder, what it judged, and the exit code that gives. */
    public record Result(JudgeFile file, Judged judged, ExitCode exit) {
    }

    private Rejudge() {
    }

    /** The rebuilt judgement of {@code dir}, or null when its run had no judge (no plan). */
    public static Result of(Path dir, RunMeta meta, RunAggregate aggregate) throws IOException {
        JudgeFile file = JudgeFile.read(dir);
        if (file == null) {
            return null;
        }
        MetricRegistry registry = PlanFiles.registry(io.carga.report.cost.CostInputs.read(dir).projection());
        ThresholdParser parser = new ThresholdParser(registry);
        List<Threshold> thresholds = new ArrayList<>();
        for (JudgeFile.ThresholdEntry t : file.thresholds()) {
            thresholds.add(new Threshold(t.group(), t.name(), withSource(parser.parse(t.expression()), t.source()), t.abortOnFail(),
                    Duration.ofMillis(t.abortDelayMs())));
        }
        List<Verdict> verdicts = ThresholdOutput.evaluate(thresholds, file.tiers(), registry,
                scope -> MetricView.of(aggregate, scope, file.tiers()));
        Map<String, AlertRule> rules = file.alerts().stream().collect(Collectors.toMap(JudgeFile.AlertEntry::name,
                a -> new AlertRule(a.name(), withSource(parser.parse(a.condition()), a.text()), Duration.ofMillis(a.forMs()),
                        Duration.ofMillis(a.windowMs()), a.severity(), a.text()), (x, y) -> x));
        Judged judged = new Judged(verdicts, alerts(dir, rules::get), file.acceptCut());
        boolean failed = verdicts.stream().anyMatch(Verdict::failed);
        ExitCode exit = ExitCode.of(meta.finished() ? meta.stopReason() : null, aggregate.saturated(), failed, file.acceptCut());
        return new Result(file, judged, exit);
    }

    /** Rewrites junit.xml and prints the verdicts, as the run did at its end. */
    public static void writeJunit(Path dir, RunMeta meta, RunAggregate aggregate, Result r, PrintStream out) throws IOException {
        Judge.print(r.judged().verdicts(), out);
        long start = aggregate.startEpochMs() > 0 ? aggregate.startEpochMs() : meta.startEpochMs();
        JUnitXml.write(dir.resolve(JUnitXml.FILE), List.of(Judge.junit(r.file().suite(), meta, start, aggregate.durationSeconds(),
                r.judged().verdicts(), r.exit(), r.file().acceptCut())));
    }

    private static Expression withSource(Expression e, String source) {
        return source == null ? e : new Expression(e.metric(), e.scope(), e.op(), e.limit(), e.kind(), e.currency(), source);
    }

    private static List<AlertEvent> alerts(Path dir, Function<String, AlertRule> rules) throws IOException {
        Path f = dir.resolve(Judge.ALERTS);
        List<AlertEvent> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException torn) {
                continue; // the last line of a killed run may be torn
            }
            AlertRule rule = rules.apply(n.path("name").asText());
            if (rule != null) {
                out.add(new AlertEvent(rule, AlertEvent.State.valueOf(n.path("state").asText().toUpperCase(Locale.ROOT)),
                        n.path("at_ms").asLong(), n.path("value").asDouble(Double.NaN)));
            }
        }
        return out;
    }
}
