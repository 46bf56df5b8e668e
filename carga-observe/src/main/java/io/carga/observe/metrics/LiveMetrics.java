package io.carga.observe.metrics;

import io.carga.core.event.Outcome;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.threshold.Verdict;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import org.HdrHistogram.HistogramIterationValue;

/**
 * carga's own metric families, fed from the engine's interval snapshots and never from the request
 * path: a request costs nothing more with a live plane than without. One instance per process; a
 * pipeline's runs follow one another through {@link #forRun}, so counters keep counting across stages
 * (Prometheus's {@code rate} does not care) and {@code carga_run_info} names the run now going.
 *
 * <p>The names are the contract with dashboards, alert rules and distributed runs; they are listed, with
 * their labels, in this module's README.
 */
public final class LiveMetrics {
    /** Request fields the AI client sums per series (io.carga.ai.AiFields, which this module cannot see). */
    static final String AI_REQUESTS = "ai_requests";
    static final String INPUT_TOKENS = "input_tokens";
    static final String OUTPUT_TOKENS = "output_tokens";
    static final String COST = "cost";
    static final String TTFT = "ai_ttft";
    static final String ITL = "ai_itl";
    /** The AI client prices in Brazilian reais. */
    static final String CURRENCY = "BRL";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestNames names;

    private final Gauge runInfo = Gauge.builder().name("carga_run_info").help("The run going on now (value 1)")
            .labelNames("run_id", "scenario", "stage").register(registry);
    private final Gauge running = Gauge.builder().name("carga_run_active")
            .help("1 while a run goes on, 0 once it ended (the server lingers)").register(registry);
    private final Gauge elapsed = Gauge.builder().name("carga_run_elapsed_seconds")
            .help("Seconds since the run's clock started, at the end of the last interval").register(registry);
    private final Gauge users = Gauge.builder().name("carga_users")
            .help("The most virtual users active at once during the last interval").register(registry);
    private final Counter requests = Counter.builder().name("carga_requests_total")
            .help("Requests by logical name and outcome (ok, error)").labelNames("request", "outcome").register(registry);
    private final Histogram duration = Histogram.builder().name("carga_request_duration_seconds")
            .help("Request latency from its intended start (coordinated omission corrected); bucket error applies,"
                    + " the report's figures are exact").labelNames("request", "tier")
            .classicUpperBounds(Buckets.LATENCY).register(registry);
    private final Counter bytes = Counter.builder().name("carga_request_bytes_total")
            .help("Bytes sent (out) and received (in)").labelNames("direction").register(registry);
    private final Counter dropped = Counter.builder().name("carga_dropped_iterations_total")
            .help("Iterations that could not start on time (open model, no free user)").register(registry);

    private final Counter aiRequests = Counter.builder().name("carga_ai_requests_total")
            .help("AI requests by model").labelNames("model").register(registry);
    private final Histogram ttft = Histogram.builder().name("carga_ai_ttft_seconds")
            .help("Time to first token, from the request's intended start").labelNames("model")
            .classicUpperBounds(Buckets.TOKEN).register(registry);
    private final Histogram itl = Histogram.builder().name("carga_ai_itl_seconds")
            .help("Inter-token latency: the gap between streamed tokens").labelNames("model")
            .classicUpperBounds(Buckets.TOKEN).register(registry);
    private final Counter tokens = Counter.builder().name("carga_ai_tokens_total")
            .help("Tokens by model and kind (input, output)").labelNames("model", "kind").register(registry);
    private final Counter cost = Counter.builder().name("carga_ai_cost_total")
            .help("What the AI requests cost at the run's price table").labelNames("model", "currency").register(registry);

    private final Counter dbTransactions = Counter.builder().name("carga_db_transactions_total")
            .help("carga db transactions by script").labelNames("script").register(registry);
    private final Histogram dbStatements = Histogram.builder().name("carga_db_statement_duration_seconds")
            .help("carga db statement latency by script").labelNames("script")
            .classicUpperBounds(Buckets.LATENCY).register(registry);

    private final Gauge thresholdOk = Gauge.builder().name("carga_threshold_ok")
            .help("1 while a threshold holds on the run so far, 0 once it fails (absent until it can be judged)")
            .labelNames("threshold").register(registry);
    private final Gauge alertFiring = Gauge.builder().name("carga_alert_firing")
            .help("1 while one of the plan's alert rules fires in carga's own evaluation").labelNames("alert").register(registry);
    private final Gauge cpu = Gauge.builder().name("carga_generator_cpu_ratio")
            .help("The generator's CPU use over the last interval, 0..1 of the whole machine").register(registry);
    private final Gauge lag = Gauge.builder().name("carga_generator_lag_seconds")
            .help("p99 of how late virtual users woke against their schedule, last interval").register(registry);
    private final Gauge heap = Gauge.builder().name("carga_generator_heap_bytes")
            .help("The generator's heap in use at the end of the last interval").register(registry);
    private final Counter gcPause = Counter.builder().name("carga_generator_gc_pause_seconds_total")
            .help("Time the generator spent in GC pauses").register(registry);

    public LiveMetrics(int requestNameCap) {
        this.names = new RequestNames(requestNameCap);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * The output feeding these families for one run.
     *
     * @param stage  the plan's stage, or "" outside a plan
     * @param roles  which series are database scripts
     * @param judged the live state of the run's thresholds and alerts
     */
    public Output forRun(String stage, SeriesRoles roles, Judgements judged) {
        return new Output() {
            @Override
            public void start(RunInfo info) {
                runInfo.clear();
                thresholdOk.clear();
                alertFiring.clear();
                runInfo.labelValues(info.runId(), info.config().scenario().name(), stage).set(1);
                running.set(1);
                elapsed.set(0);
                judged.alerts().forEach(a -> alertFiring.labelValues(a).set(0));
            }

            @Override
            public void interval(IntervalSnapshot s) {
                record(s, roles);
                judge(judged);
            }

            @Override
            public void finish(RunResult result) {
                running.set(0);
            }
        };
    }

    private void record(IntervalSnapshot s, SeriesRoles roles) {
        elapsed.set(s.elapsedSeconds());
        users.set(s.users());
        dropped.inc(s.dropped());
        for (SeriesInterval r : s.requests()) {
            String request = names.label(r.key().name());
            long ok = r.count(Outcome.OK);
            long errors = r.count() - ok;
            if (ok > 0) {
                requests.labelValues(request, "ok").inc(ok);
            }
            if (errors > 0) {
                requests.labelValues(request, "error").inc(errors);
            }
            String tier = r.key().tags().get("tier");
            observe(duration, r.latency(), request, tier == null ? "" : tier);
            if (r.bytesIn() > 0) {
                bytes.labelValues("in").inc(r.bytesIn());
            }
            if (r.bytesOut() > 0) {
                bytes.labelValues("out").inc(r.bytesOut());
            }
            ai(r);
            SeriesRoles.DbSeries db = roles.db(r.key());
            if (db != null && db.transaction()) {
                dbTransactions.labelValues(db.script()).inc(r.count());
            } else if (db != null) {
                observe(dbStatements, r.latency(), db.script());
            }
        }
        for (Map.Entry<SeriesKey, org.HdrHistogram.Histogram> t : s.custom().timings().entrySet()) {
            String name = t.getKey().name();
            if (name.equals(TTFT) || name.equals(ITL)) {
                observe(name.equals(TTFT) ? ttft : itl, t.getValue(), model(t.getKey()));
            }
        }
        if (s.generator() != null) {
            cpu.set(s.generator().cpu());
            org.HdrHistogram.Histogram l = s.generator().lag();
            lag.set(l == null || l.getTotalCount() == 0 ? 0 : l.getValueAtPercentile(99) / 1e6);
            heap.set(s.generator().heapUsed());
            gcPause.inc(s.generator().gcPauseMs() / 1000.0);
        }
    }

    private void ai(SeriesInterval r) {
        Map<String, Double> f = r.fieldSums();
        Double n = f.get(AI_REQUESTS);
        if (n == null || n <= 0) {
            return;
        }
        String model = model(r.key());
        aiRequests.labelValues(model).inc(n);
        add(tokens, f.get(INPUT_TOKENS), model, "input");
        add(tokens, f.get(OUTPUT_TOKENS), model, "output");
        add(cost, f.get(COST), model, CURRENCY);
    }

    private static void add(Counter c, Double v, String... labels) {
        if (v != null && v > 0) {
            c.labelValues(labels).inc(v);
        }
    }

    private static String model(SeriesKey key) {
        String m = key.tags().get("model");
        return m == null ? "unknown" : m;
    }

    /** Every recorded value (µs) once per count: the client keeps its own classic and native buckets. */
    private static void observe(Histogram h, org.HdrHistogram.Histogram values, String... labels) {
        if (values == null || values.getTotalCount() == 0) {
            return;
        }
        var series = h.labelValues(labels);
        for (HistogramIterationValue v : values.recordedValues()) {
            double seconds = values.medianEquivalentValue(v.getValueIteratedTo()) / 1e6;
            for (long i = v.getCountAtValueIteratedTo(); i > 0; i--) {
                series.observe(seconds);
            }
        }
    }

    private void judge(Judgements judged) {
        for (Verdict v : judged.thresholds().get()) {
            String label = v.threshold().group() + ": " + v.threshold().name();
            switch (v.status()) {
                case PASSED -> thresholdOk.labelValues(label).set(1);
                case FAILED -> thresholdOk.labelValues(label).set(0);
                case NOT_EVALUATED -> { }
            }
        }
        if (!judged.alerts().isEmpty()) {
            var firing = judged.firing().get();
            for (String a : judged.alerts()) {
                alertFiring.labelValues(a).set(firing.contains(a) ? 1 : 0);
            }
        }
    }
}
