package io.carga.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.threshold.Metric;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.MetricView;
import io.carga.core.threshold.Scope;
import io.carga.core.threshold.Tiers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AI metrics thresholds can name, computed from what the AI client records. */
class AiMetricsTest {
    @Test
    void ttftCostQualityAndGoodputComeFromTheRecordedFieldsAndTimings() {
        MetricsHub hub = new MetricsHub();
        Tags model = Tags.of("model", "gemini-2.5-flash");
        for (int i = 1; i <= 100; i++) {
            hub.metrics().timing(AiFields.TTFT, model).recordNanos(i * 1_000_000L); // 1..100 ms
            hub.record(new RequestEvent("ai gemini", AiFields.TYPE, model, 0, 0, 5_000_000, 0, 0, Outcome.OK, null,
                    Map.of(AiFields.AI_REQUESTS, 1.0, AiFields.COST, 0.002, AiFields.QUALITY_SUM, i % 2 == 0 ? 1.0 : 0.5,
                            AiFields.QUALITY_N, 1.0, AiFields.QUALITY_PASS, i % 2 == 0 ? 1.0 : 0.0, AiFields.GOODPUT, 1.0)));
        }
        RunAggregate run = new RunAggregate();
        run.add(hub.drain(0, 0, 2000, 2.0, 1));
        MetricRegistry r = AiMetrics.register(MetricRegistry.builtIn());
        MetricView v = MetricView.of(run, Scope.ALL, Tiers.NONE);

        assertThat(r.measure(Metric.named("ttft_p95"), v).getAsDouble()).isBetween(94.9, 95.1);
        assertThat(r.measure(Metric.named("cost_per_request"), v).getAsDouble()).isCloseTo(0.002, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.measure(Metric.named("quality"), v).getAsDouble()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.measure(Metric.named("quality_pass_rate"), v).getAsDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.measure(Metric.named("goodput"), v).getAsDouble()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.measure(Metric.named("itl_p95"), v)).isEmpty();
    }
}
