package io.carga.observe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.config.RunConfig;
import io.carga.core.api.User;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.event.Outcome;
import io.carga.core.event.Tags;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.threshold.Expression;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.Verdict;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Snapshots in, the Prometheus text exposition out: what a scrape would read after each interval. */
class LiveMetricsTest {
    private final LiveMetrics metrics = new LiveMetrics(3);

    /** A user class for the run's config; no user runs in these tests. */
    public static final class Idle extends User {
    }

    private static RunInfo info() {
        RunConfig c = RunConfig.of(new Scenario("shop", List.of(UserSpec.of(Idle.class))), ClosedModel.of(1, 1, Duration.ofSeconds(1)));
        return new RunInfo("run-42", 0, c, (reason, cause) -> { });
    }

    private static SeriesInterval series(SeriesKey key, long ok, long errors, Map<String, Double> fields, long... micros) {
        Histogram h = Histograms.newHistogram();
        for (long m : micros) {
            h.recordValue(m);
        }
        long[] outcomes = new long[Outcome.values().length];
        outcomes[Outcome.OK.ordinal()] = ok;
        outcomes[Outcome.SERVER_ERROR.ordinal()] = errors;
        return new SeriesInterval(key, h, h, outcomes, 100, 10, fields);
    }

    private static IntervalSnapshot snapshot(long index, List<SeriesInterval> requests, CustomInterval custom) {
        Histogram lag = Histograms.newHistogram();
        lag.recordValue(2_000);
        return new IntervalSnapshot(index, index * 1000, index * 1000 + 1000, index + 1, 7, 2, requests, custom,
                new GeneratorSample(0.25, lag, 5, 1000, 0));
    }

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countersAddUpIntervalsAndHistogramsHoldEveryValue() throws Exception {
        Output o = metrics.forRun("smoke", SeriesRoles.REQUESTS, Judgements.NONE);
        o.start(info());
        SeriesKey cart = new SeriesKey("POST /cart", Tags.of("tier", "api_endpoints"));
        o.interval(snapshot(0, List.of(series(cart, 2, 1, Map.of(), 40_000, 40_000, 900_000)), CustomInterval.EMPTY));
        o.interval(snapshot(1, List.of(series(cart, 1, 0, Map.of(), 40_000)), CustomInterval.EMPTY));

        String text = scrape();
        assertThat(text).contains("carga_run_info{run_id=\"run-42\",scenario=\"shop\",stage=\"smoke\"} 1.0");
        assertThat(text).contains("carga_requests_total{outcome=\"ok\",request=\"POST /cart\"} 3.0");
        assertThat(text).contains("carga_requests_total{outcome=\"error\",request=\"POST /cart\"} 1.0");
        assertThat(text).contains("carga_request_duration_seconds_count{request=\"POST /cart\",tier=\"api_endpoints\"} 4");
        // 40 ms is under the 50 ms bound, 900 ms under the 1 s one: classic buckets count them where they fall
        assertThat(text).contains("carga_request_duration_seconds_bucket{request=\"POST /cart\",tier=\"api_endpoints\",le=\"0.05\"} 3");
        assertThat(text).contains("carga_request_duration_seconds_bucket{request=\"POST /cart\",tier=\"api_endpoints\",le=\"1.0\"} 4");
        assertThat(text).contains("carga_dropped_iterations_total 4.0");
        assertThat(text).contains("carga_users 7.0");
        assertThat(text).contains("carga_generator_cpu_ratio 0.25");
        assertThat(text).contains("carga_generator_lag_seconds 0.002");
    }

    @Test
    void namesBeyondTheCapAreCountedAsOther() throws Exception {
        Output o = metrics.forRun("", SeriesRoles.REQUESTS, Judgements.NONE);
        o.start(info());
        List<SeriesInterval> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(series(SeriesKey.of("GET /item/" + i), 1, 0, Map.of(), 1_000));
        }
        o.interval(snapshot(0, many, CustomInterval.EMPTY));

        String text = scrape();
        assertThat(text).contains("request=\"GET /item/0\"").contains("request=\"GET /item/2\"");
        assertThat(text).doesNotContain("request=\"GET /item/3\"");
        assertThat(text).contains("carga_requests_total{outcome=\"ok\",request=\"other\"} 2.0");
    }

    @Test
    void aiFieldsAndTimingsBecomeTheAiFamilies() throws Exception {
        Output o = metrics.forRun("", SeriesRoles.REQUESTS, Judgements.NONE);
        o.start(info());
        SeriesKey gen = new SeriesKey("marketing_generate", Tags.of("model", "gemini-2.5-flash"));
        Map<String, Double> f = Map.of("ai_requests", 2.0, "input_tokens", 30.0, "output_tokens", 200.0, "cost", 0.0005);
        Histogram ttft = Histograms.newHistogram();
        ttft.recordValue(150_000);
        CustomInterval custom = new CustomInterval(Map.of(), Map.of(),
                Map.of(new SeriesKey("ai_ttft", Tags.of("model", "gemini-2.5-flash")), ttft));
        o.interval(snapshot(0, List.of(series(gen, 2, 0, f, 300_000, 310_000)), custom));

        String text = scrape();
        assertThat(text).contains("carga_ai_requests_total{model=\"gemini-2.5-flash\"} 2.0");
        assertThat(text).contains("carga_ai_tokens_total{kind=\"output\",model=\"gemini-2.5-flash\"} 200.0");
        assertThat(text).contains("carga_ai_cost_total{currency=\"BRL\",model=\"gemini-2.5-flash\"} 5.0E-4");
        assertThat(text).contains("carga_ai_ttft_seconds_count{model=\"gemini-2.5-flash\"} 1");
    }

    @Test
    void aDbRunCountsTransactionsByScriptAndTimesItsStatements() throws Exception {
        Output o = metrics.forRun("", SeriesRoles.dbScripts(List.of("tpcb-like")), Judgements.NONE);
        o.start(info());
        o.interval(snapshot(0, List.of(series(SeriesKey.of("tpcb-like"), 5, 0, Map.of(), 3_000, 3_000, 3_000, 3_000, 3_000),
                series(SeriesKey.of("tpcb-like:7"), 5, 0, Map.of(), 500, 500, 500, 500, 500)), CustomInterval.EMPTY));

        String text = scrape();
        assertThat(text).contains("carga_db_transactions_total{script=\"tpcb-like\"} 5.0");
        assertThat(text).contains("carga_db_statement_duration_seconds_count{script=\"tpcb-like\"} 5");
    }

    @Test
    void thresholdsAndAlertsShowTheirLiveState() throws Exception {
        Expression e = new ThresholdParser(MetricRegistry.builtIn()).parse("p95 < 500ms");
        Threshold t = Threshold.of("response_times", e);
        List<Verdict> now = new ArrayList<>(List.of(new Verdict(t, Verdict.Status.PASSED, 40, null)));
        List<String> firing = new ArrayList<>();
        Output o = metrics.forRun("", SeriesRoles.REQUESTS, new Judgements(() -> now, List.of("High Response Time"), () -> firing));
        o.start(info());
        o.interval(snapshot(0, List.of(), CustomInterval.EMPTY));
        assertThat(scrape()).contains("carga_threshold_ok{threshold=\"response_times: " + t.name() + "\"} 1.0")
                .contains("carga_alert_firing{alert=\"High Response Time\"} 0.0");

        now.set(0, new Verdict(t, Verdict.Status.FAILED, 900, null));
        firing.add("High Response Time");
        o.interval(snapshot(1, List.of(), CustomInterval.EMPTY));
        assertThat(scrape()).contains("carga_threshold_ok{threshold=\"response_times: " + t.name() + "\"} 0.0")
                .contains("carga_alert_firing{alert=\"High Response Time\"} 1.0");
    }
}
