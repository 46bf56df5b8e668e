package io.carga.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.Tags;
import io.carga.core.load.ClosedModel;
import io.carga.core.output.StopReason;
import io.carga.core.testkit.Runs;
import io.carga.core.testkit.Script;
import io.carga.core.threshold.Snapshots.Traffic;
import io.carga.core.metrics.RunAggregate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdOutputTest {
    private final ThresholdParser parser = new ThresholdParser(MetricRegistry.builtIn());

    private Threshold t(String text) {
        return Threshold.of("thresholds", parser.parse(text));
    }

    @Test
    void endVerdictsPerScope() {
        Tiers tiers = new Tiers(Map.of("gemini_flash_requests", new Tiers.Tier(List.of(), Map.of("model", "gemini-*")),
                "file_uploads", new Tiers.Tier(List.of("POST /api/v1/upload/*"), Map.of())));
        RunAggregate a = new RunAggregate();
        Snapshots clock = new Snapshots(0);
        for (int s = 0; s < 10; s++) {
            a.add(clock.next(Traffic.of("POST /api/v1/ai/generate", 10, 650).tagged(Tags.of("model", "gemini-2.5-flash")),
                    Traffic.of("POST /api/v1/upload/logo", 2, 2500).failing(1),
                    Traffic.of("GET /health", 20, 5).tagged(Tags.of("tier", "api_endpoints"))));
        }
        List<Threshold> list = List.of(t("p95{tier=gemini_flash_requests} < 800ms"), t("p95{tier=file_uploads} < 2s"),
                t("error_rate{tier=file_uploads} < 1%"), t("max{tier=api_endpoints} < 100ms"), t("rps >= 30"),
                t("p99{tier=whatsapp_webhook} < 200ms"), t("ttft_p95 < 500ms"), t("dropped_iterations == 0"));
        List<Verdict> v = ThresholdOutput.evaluate(list, tiers, MetricRegistry.builtIn(), s -> MetricView.of(a, s, tiers));
        assertThat(v).extracting(Verdict::status).containsExactly(Verdict.Status.PASSED, Verdict.Status.FAILED,
                Verdict.Status.FAILED, Verdict.Status.PASSED, Verdict.Status.PASSED, Verdict.Status.NOT_EVALUATED,
                Verdict.Status.NOT_EVALUATED, Verdict.Status.PASSED);
        assertThat(v.get(1).message()).isEqualTo("p95{tier=file_uploads} < 2s: measured 2.5s, limit < 2s");
        assertThat(v.get(2).measured()).isEqualTo(0.5);
        assertThat(v.get(4).measured()).isEqualTo(32.0);
        assertThat(v.get(5).note()).isEqualTo("no matching requests for {tier=whatsapp_webhook}");
        assertThat(v.get(6).note()).contains("no metric 'ttft_p95'");
    }

    @Test
    void extensionMetricsPlugIn() {
        MetricRegistry r = MetricRegistry.builtIn().register("tokens_per_request", Kind.COUNT,
                (v, m) -> v.count() == 0 || !v.fieldSums().containsKey("tokens") ? java.util.OptionalDouble.empty()
                        : java.util.OptionalDouble.of(v.fieldSums().get("tokens") / v.count()));
        RunAggregate a = new RunAggregate();
        a.add(new Snapshots(0).next(Traffic.of("POST /ai", 4, 100).fields(Map.of("tokens", 1200.0))));
        Threshold th = Threshold.of("t", new ThresholdParser(r).parse("tokens_per_request < 250"));
        List<Verdict> v = ThresholdOutput.evaluate(List.of(th), Tiers.NONE, r, s -> MetricView.of(a, s, Tiers.NONE));
        assertThat(v.get(0).failed()).isTrue();
        assertThat(v.get(0).measured()).isEqualTo(300.0);
    }

    @Test
    void abortOnFailStopsTheRunWithinItsDelay() throws Exception {
        Script script = Script.create().task("slow", 1, u -> u.protocol().call("slow", Duration.ofMillis(20), Outcome.OK));
        Threshold th = Threshold.of("thresholds", parser.parse("p95 < 5ms")).abortingAfter(Duration.ofMillis(500));
        List<String> log = new ArrayList<>();
        ThresholdOutput out = new ThresholdOutput(List.of(th), Tiers.NONE, MetricRegistry.builtIn(), log::add);
        var run = Runs.run(Runs.config(script.scenario(), ClosedModel.of(2, 0, Duration.ofSeconds(10))),
                new io.carga.core.testkit.RecordingOutput(), out);
        assertThat(run.result().reason()).isEqualTo(StopReason.ABORTED);
        assertThat(run.result().cause()).contains("p95 < 5ms", "abort_on_fail");
        // 100 ms intervals: judged from the first interval past 500 ms, then a graceful stop of one request.
        assertThat(run.wallSeconds()).isLessThan(2.0);
        assertThat(out.abortCause()).isNotNull();
        assertThat(log).singleElement().asString().contains("stopping the run");
        assertThat(out.failed()).isTrue();
    }

    @Test
    void aPassingRunIsNotAborted() throws Exception {
        Script script = Script.create().task("fast", 1, u -> u.protocol().call("fast", Duration.ofMillis(1), Outcome.OK));
        Threshold th = Threshold.of("thresholds", parser.parse("p95 < 500ms")).abortingAfter(Duration.ZERO);
        ThresholdOutput out = new ThresholdOutput(List.of(th, t("error_rate < 1%")), Tiers.NONE, MetricRegistry.builtIn(), s -> { });
        var run = Runs.run(Runs.config(script.scenario(), ClosedModel.of(2, 0, Duration.ofMillis(600))));
        run = Runs.run(Runs.config(script.scenario(), ClosedModel.of(2, 0, Duration.ofMillis(600))),
                new io.carga.core.testkit.RecordingOutput(), out);
        assertThat(run.result().reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(out.verdicts()).extracting(Verdict::status).containsOnly(Verdict.Status.PASSED);
    }
}
