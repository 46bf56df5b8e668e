package io.carga.ai;

import io.carga.core.threshold.Kind;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.MetricView;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * The AI metrics thresholds and SLAs may name, registered into the run's {@link MetricRegistry}:
 * <ul>
 * <li>{@code ttft_p50|p90|p95|p99}, {@code itl_p95|p99}, {@code tpot_p95|p99}: from the clients' timings, ms;</li>
 * <li>{@code cost_per_request}: AI cost (R$) over AI requests; {@code quality}: mean quality score;
 * {@code quality_pass_rate}: share of scored answers at or above the threshold;</li>
 * <li>{@code goodput}: AI requests per second that met every AI SLO; {@code output_tokens_per_second}.</li>
 * </ul>
 * Scoped like any metric: {@code ttft_p95{model=gemini-2.5-flash} < 800ms}.
 */
public final class AiMetrics {
    private AiMetrics() {
    }

    public static MetricRegistry register(MetricRegistry r) {
        for (String p : new String[] {"50", "90", "95", "99"}) {
            double pct = Double.parseDouble(p);
            r.register("ttft_p" + p, Kind.TIME, (v, m) -> timing(v, AiFields.TTFT, pct));
            r.register("itl_p" + p, Kind.TIME, (v, m) -> timing(v, AiFields.ITL, pct));
            r.register("tpot_p" + p, Kind.TIME, (v, m) -> timing(v, AiFields.TPOT, pct));
        }
        r.register("cost_per_request", Kind.MONEY, (v, m) -> ratio(v, AiFields.COST, AiFields.AI_REQUESTS));
        r.register("quality", Kind.SCORE, (v, m) -> ratio(v, AiFields.QUALITY_SUM, AiFields.QUALITY_N));
        r.register("quality_pass_rate", Kind.RATIO, (v, m) -> ratio(v, AiFields.QUALITY_PASS, AiFields.QUALITY_N));
        r.register("goodput", Kind.RATE, (v, m) -> perSecond(v, AiFields.GOODPUT));
        r.register("output_tokens_per_second", Kind.RATE, (v, m) -> perSecond(v, AiFields.OUTPUT_TOKENS));
        return r;
    }

    private static OptionalDouble timing(MetricView v, String name, double pct) {
        Histogram h = v.timings().get(name);
        return MetricRegistry.pct(h, pct);
    }

    private static OptionalDouble ratio(MetricView v, String sum, String count) {
        Double n = v.fieldSums().get(count);
        if (n == null || n == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v.fieldSums().getOrDefault(sum, 0.0) / n);
    }

    private static OptionalDouble perSecond(MetricView v, String field) {
        Double n = v.fieldSums().get(field);
        return n == null || v.seconds() <= 0 ? OptionalDouble.empty() : OptionalDouble.of(n / v.seconds());
    }
}
