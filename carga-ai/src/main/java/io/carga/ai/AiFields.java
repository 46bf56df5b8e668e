package io.carga.ai;

/**
 * The names under which AI requests report, shared with the report ({@code io.carga.report.ai} reads the
 * same strings). Event fields are summed per series; timings are HdrHistograms tagged by model.
 */
public final class AiFields {
    private AiFields() {
    }

    /** Event type of AI requests. */
    public static final String TYPE = "ai";
    /** Tag naming the model. */
    public static final String MODEL = "model";
    /** Tag of the live users' band when routing by load ({@code <100}, {@code 100-499}, {@code 500+}). */
    public static final String LOAD_BAND = "load_band";

    // --- event fields (summed per series) ---
    public static final String AI_REQUESTS = "ai_requests";
    public static final String INPUT_TOKENS = "input_tokens";
    public static final String OUTPUT_TOKENS = "output_tokens";
    public static final String TOKENS = "tokens";
    /** Requests whose token counts were estimated (the provider sent no usage). */
    public static final String TOKENS_ESTIMATED = "tokens_estimated";
    /** Cost in R$. */
    public static final String COST = "cost";
    /** Requests to a model without a price (cost counted as 0). */
    public static final String UNPRICED = "cost_unpriced";
    public static final String QUALITY_SUM = "quality_sum";
    public static final String QUALITY_N = "quality_n";
    public static final String QUALITY_PASS = "quality_pass";
    /** Requests that met every AI SLO (TTFT, end-to-end, quality). */
    public static final String GOODPUT = "goodput";
    /** Sum of the time from send to the last byte, ms (tokens/s = output tokens / this). */
    public static final String GEN_MS = "gen_ms";
    /** Time spent waiting for the AI rate limiter, ms. */
    public static final String RATE_DELAY_MS = "rate_delay_ms";
    /** First requests after a user changed model. */
    public static final String MODEL_SWITCHES = "model_switches";

    // --- timings (HdrHistogram, tagged model=…) ---
    public static final String TTFT = "ai_ttft";
    public static final String ITL = "ai_itl";
    public static final String TPOT = "ai_tpot";
    /** Quality score recorded as milliseconds (0.7 is 0.7 ms), tagged by model and load level. */
    public static final String QUALITY = "ai_quality";
    /** End-to-end latency of the first request after a model switch. */
    public static final String SWITCH_LATENCY = "ai_switch_latency";

    // --- gauges carrying the cost configuration into the results log ---
    public static final String CFG_INFRA_HOURLY = "ai_cfg_infra_hourly_brl";
    public static final String CFG_INFRA_INSTANCES = "ai_cfg_infra_instances";
    public static final String CFG_BUDGET_TEST = "ai_cfg_budget_test_brl";
    public static final String CFG_BUDGET_HOUR = "ai_cfg_budget_hour_brl";
    /** The per-day limit, and what the day's earlier runs had spent when this one started. */
    public static final String CFG_BUDGET_DAY = "ai_cfg_budget_day_brl";
    public static final String CFG_BUDGET_DAY_SPENT = "ai_cfg_budget_day_spent_brl";
    public static final String CFG_QUALITY_THRESHOLD = "ai_cfg_quality_threshold";
    public static final String CFG_BRL_PER_UNIT = "ai_cfg_brl_per_unit";

    // --- gauges of the budget's live state ---
    /** The most AI cost (R$) spent in any sliding hour of the run. */
    public static final String BUDGET_HOUR_PEAK = "ai_budget_hour_peak_brl";
    /** The share of the AI request rate a ramp-down budget leaves (1 until it acts). */
    public static final String BUDGET_RAMP_FACTOR = "ai_budget_ramp_factor";

    /** The load-level tag of quality scores: AI requests in flight when the answer arrived, bucketed. */
    public static String loadLevel(int inFlight) {
        if (inFlight <= 10) {
            return "1-10";
        } else if (inFlight <= 50) {
            return "11-50";
        } else if (inFlight <= 100) {
            return "51-100";
        } else if (inFlight <= 500) {
            return "101-500";
        }
        return "500+";
    }
}
