package io.carga.platform.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.carga.platform.llm.LlmObserver;
import io.carga.platform.llm.ModelProfile;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The server's own view, in Prometheus text format, so carga's client-side numbers can be compared with
 * what the server saw. One registry per running instance (no global default registry), so several
 * simulators in one JVM (tests, {@code carga demo}) don't mix their numbers.
 *
 * <p>Two request-time metrics on purpose: {@code http_request_duration_seconds} is what a client waits
 * for; {@code platform_processing_seconds} subtracts time spent in simulated LLM waiting, so a benchmark
 * can read the server's own processing cost (the "under 20 ms p95 at 500 req/s").
 */
public final class SimMetrics implements LlmObserver {
    /** Fine buckets at the low end, where server processing time lives, up to LLM-length requests. */
    private static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025,
        0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30};

    /**
     * R$ per AI request, from a short gemini-2.5-flash answer (~R$ 0.0001) to a long gpt-4-turbo one
     * (~R$ 0.5 for 3,000 tokens), roughly three buckets a decade so a mean and a p95 both read well.
     */
    private static final double[] COST_BUCKETS_BRL = {0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001,
        0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};

    private final double brlPerUsd;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requestDuration = Histogram.builder().name("http_request_duration_seconds")
            .help("Time from request routed to response complete, by route template, method and status")
            .labelNames("route", "method", "status").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Histogram processing = Histogram.builder().name("platform_processing_seconds")
            .help("Server processing time per request excluding simulated LLM waiting, by route template")
            .labelNames("route").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Gauge inFlight = Gauge.builder().name("http_requests_in_flight")
            .help("Requests being handled now").register(registry);
    private final Histogram dbQuery = Histogram.builder().name("database_query_duration_seconds")
            .help("Time spent in PostgreSQL work per operation, including waiting for a pooled connection")
            .labelNames("operation").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Counter llmCalls = Counter.builder().name("llm_requests_total")
            .help("Simulated LLM calls by model and outcome (ok, rate_limited, provider_error, cancelled)")
            .labelNames("model", "outcome").register(registry);
    private final Histogram llmTtft = Histogram.builder().name("llm_time_to_first_token_seconds")
            .help("Simulated time to first token, as the simulator emitted it").labelNames("model")
            .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Histogram llmDuration = Histogram.builder().name("ai_generation_duration_seconds")
            .help("Simulated LLM call duration, first byte of request to last token").labelNames("model")
            .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Counter llmTokens = Counter.builder().name("llm_tokens_total")
            .help("Tokens processed by the simulated LLM").labelNames("model", "kind").register(registry);
    private final Counter llmCost = Counter.builder().name("llm_cost_total")
            .help("Cost of simulated LLM calls at the spec's per-token prices (spec units, treated as USD)")
            .labelNames("model").register(registry);
    private final Histogram costPerRequest = Histogram.builder().name("cost_per_ai_request")
            .help("Cost in R$ of each answered simulated LLM call, by model: the spec's per-token prices read as USD, "
                    + "at the simulator's R$ per USD rate (carga-ai's default)")
            .labelNames("model").classicOnly().classicUpperBounds(COST_BUCKETS_BRL).register(registry);
    private final Counter whatsapp = Counter.builder().name("whatsapp_webhook_messages_total")
            .help("WhatsApp webhook messages by result (stored, duplicate, unknown_number)").labelNames("result")
            .register(registry);

    /** @param brlPerUsd R$ per US dollar, for {@code cost_per_ai_request} */
    public SimMetrics(double brlPerUsd) {
        this.brlPerUsd = brlPerUsd;
        // Every model's cost series exists from the start at zero. Prometheus' increase() counts nothing
        // before a series' first sample, so a series born with the first answer would lose what was spent
        // before the first scrape, and an "AI Cost Spike" rule would fire later than the spending did.
        ModelProfile.names().forEach(costPerRequest::labelValues);
    }

    /**
     * Exposes {@code business_activation_rate}, read at scrape time (see
     * {@code BusinessRoutes.activationRate}); no sample while no business was set up or the database is
     * unreachable, since 0/0 is no rate and a made-up 0 or 1 would move a dashboard.
     */
    public void bindActivationRate(Callable<OptionalDouble> rate) {
        GaugeWithCallback.builder().name("business_activation_rate")
                .help("Share (0..1) of the businesses set up through POST /api/v1/business/setup that became active: "
                        + "status active and at least one AI generation for them (a CX chat in the simulator)")
                .callback(cb -> {
                    try {
                        rate.call().ifPresent(v -> cb.call(v));
                    } catch (Exception e) {
                        // The database is down or closing: the scrape still answers, with the other metrics.
                    }
                }).register(registry);
    }

    /** Exposes pool gauges read at scrape time from HikariCP. */
    public void bindPool(Supplier<HikariPoolMXBean> pool) {
        gauge("db_pool_active_connections", "Pooled connections in use", () -> pool.get().getActiveConnections());
        gauge("db_pool_idle_connections", "Pooled connections idle", () -> pool.get().getIdleConnections());
        gauge("db_pool_pending_threads", "Threads waiting for a pooled connection", () -> pool.get().getThreadsAwaitingConnection());
        gauge("db_pool_total_connections", "Pooled connections open", () -> pool.get().getTotalConnections());
    }

    private void gauge(String name, String help, Supplier<Integer> value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> {
            try {
                cb.call(value.get());
            } catch (RuntimeException e) {
                // The pool is not up yet or already closed: report nothing rather than fail the scrape.
            }
        }).register(registry);
    }

    public void requestStarted() {
        inFlight.inc();
    }

    public void requestFinished(String route, String method, int status, long totalNanos, long waitedNanos) {
        inFlight.dec();
        requestDuration.labelValues(route, method, Integer.toString(status)).observe(totalNanos / 1e9);
        processing.labelValues(route).observe(Math.max(0, totalNanos - waitedNanos) / 1e9);
    }

    public void dbOperation(String operation, long nanos) {
        dbQuery.labelValues(operation).observe(nanos / 1e9);
    }

    public void whatsappMessage(String result) {
        whatsapp.labelValues(result).inc();
    }

    @Override
    public void call(String model, String outcome, long ttftNanos, long durationNanos, int promptTokens,
                     int completionTokens, double cost) {
        llmCalls.labelValues(model, outcome).inc();
        if (outcome.equals("ok")) {
            llmTtft.labelValues(model).observe(ttftNanos / 1e9);
            llmDuration.labelValues(model).observe(durationNanos / 1e9);
            llmTokens.labelValues(model, "input").inc(promptTokens);
            llmTokens.labelValues(model, "output").inc(completionTokens);
            llmCost.labelValues(model).inc(cost);
            costPerRequest.labelValues(model).observe(cost * brlPerUsd);
        }
    }

    public void write(OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
