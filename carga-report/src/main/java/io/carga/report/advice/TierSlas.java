package io.carga.report.advice;

import io.carga.core.metrics.SeriesKey;
import io.carga.report.results.JudgeFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tier each request belongs to and the latency SLA it is judged by. A plan run's judge.json decides first:
 * the plan's tiers (names, tags) with the SLA its {@code response_times} give them. Otherwise, and for a tier
 * the plan gives no SLA, the spec's tiers and SLAs (section 1.1) through {@link Kinds}.
 */
public final class TierSlas {
    /** The spec's SLAs only: a run without a plan. */
    public static final TierSlas SPEC = new TierSlas(null);

    private final JudgeFile judge;
    private final List<JudgeFile.Sla> planned;

    /**
     * One request's tier and SLA.
     *
     * @param tier       the tier's name ({@code api_endpoints})
     * @param kind       its kind, for what to recommend
     * @param percentile the SLA's percentile (95)
     * @param limitMs    the SLA's limit
     * @param source     where the SLA comes from: "the plan" or "the spec"
     */
    public record Tiered(String tier, Kinds kind, double percentile, double limitMs, String source) {
        /** {@code api_endpoints SLA p95 < 500 ms (the plan)}. */
        public String describe() {
            return String.format(Locale.ROOT, "%s SLA p%s < %s ms (%s)", tier, trim(percentile), trim(limitMs), source);
        }
    }

    private TierSlas(JudgeFile judge) {
        this.judge = judge;
        this.planned = judge == null ? List.of() : List.copyOf(judge.slas().values());
    }

    /** The tiers of a results folder's judge (null: the spec's). */
    public static TierSlas of(JudgeFile judge) {
        return judge == null ? SPEC : new TierSlas(judge);
    }

    /** The tier and SLA of the series {@code key}, with its fields as a hint for the spec's classification. */
    public Tiered of(SeriesKey key, Map<String, Double> fields) {
        for (JudgeFile.Sla sla : planned) {
            if (judge.tiers().matches(sla.tier(), key)) {
                Kinds kind = Kinds.ofTier(sla.tier());
                return new Tiered(sla.tier(), kind != null ? kind : Kinds.of(key.label(), fields), sla.percentile(), sla.limitMs(), "the plan");
            }
        }
        Kinds kind = Kinds.of(key.label(), fields);
        return new Tiered(kind.tier(), kind, 95, kind.p95SlaMs(), "the spec");
    }

    /** Whether {@code key} is in the tier the grade's response time covers (the API tier, {@code api_endpoints}). */
    public boolean isApi(SeriesKey key, Map<String, Double> fields) {
        return of(key, fields).tier().equals(Kinds.API.tier());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
