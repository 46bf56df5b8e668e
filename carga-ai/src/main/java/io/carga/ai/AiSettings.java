package io.carga.ai;

import io.carga.ai.budget.Budget;
import io.carga.ai.budget.SpendWindow;
import io.carga.ai.cost.AiConfigException;
import io.carga.ai.cost.PriceTable;
import io.carga.ai.limit.AiRateLimiter;
import io.carga.ai.quality.QualityScorer;
import io.carga.ai.quality.Scorers;
import io.carga.ai.rotation.LoadRouting;
import io.carga.ai.rotation.ModelMix;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * The run-wide AI configuration and live state, shared by every {@link AiClient} of a run through
 * {@code UserContext.shared}: prices, quality scoring, SLOs, the rate limiter, the model mix, the budget,
 * the infrastructure price. Built from the run's {@code ai.*} properties, or in code with
 * {@link AiClient#of(io.carga.core.api.User, AiSettings)} (the first user's settings win). Thread-safe.
 *
 * <pre>
 *   ai.models=my-model              more known model names (price entries may only name known models)
 *   ai.price.currency=USD           ai.price.exchange-rate=5.0    ai.price.gpt-4-turbo=10,30
 *   ai.quality=heuristic            ai.quality.sample=1.0         ai.quality.threshold=0.7
 *   ai.slo.ttft-ms=2000             ai.slo.latency-ms=10000
 *   ai.rate-limit=100/min           ai.rate-limit.burst=1
 *   ai.mix=gemini-2.5-flash:80,gpt-3.5-turbo:15,gpt-4-turbo:5
 *   ai.routing=by_load              ai.routing.bands=100,500      (the spec's routing by live users, instead of the mix)
 *   ai.infra.hourly=2.5             ai.infra.instances=1          (R$ per instance-hour)
 *   ai.budget.per-test=5            ai.budget.per-hour=50         ai.budget.currency=BRL   ai.budget.action=stop
 *   ai.api-key=…                    (else OPENAI_API_KEY / GEMINI_API_KEY, else a test key)
 * </pre>
 */
public final class AiSettings {
    final PriceTable prices;
    final QualityScorer scorer;
    final double sample;
    final double qualityThreshold;
    final double sloTtftMs;
    final double sloLatencyMs;
    final AiRateLimiter limiter;
    final ModelMix mix;
    /** Null: the mix. */
    final LoadRouting routing;
    final Budget budget;
    final double infraHourlyBrl;
    final int infraInstances;
    final String apiKey;

    // live state
    final DoubleAdder spentBrl = new DoubleAdder();
    final SpendWindow hourSpend = SpendWindow.hour();
    final LongAdder requests = new LongAdder();
    final AtomicInteger inFlight = new AtomicInteger();
    /** Users holding an open AI client: the live user count routing by load reads (the engine's is not a protocol's to see). */
    final AtomicInteger liveUsers = new AtomicInteger();
    private volatile boolean flashOnly;
    volatile long firstNanos;
    private AiRateLimiter rampLimiter;
    private int rampSteps;

    private AiSettings(Builder b) {
        this.prices = b.prices;
        this.scorer = b.scorer;
        this.sample = b.sample;
        this.qualityThreshold = b.qualityThreshold;
        this.sloTtftMs = b.sloTtftMs;
        this.sloLatencyMs = b.sloLatencyMs;
        this.limiter = b.limiter;
        this.mix = b.mix;
        this.routing = b.routing;
        this.budget = b.budget;
        this.infraHourlyBrl = b.infraHourlyBrl;
        this.infraInstances = b.infraInstances;
        this.apiKey = b.apiKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings of {@code ai.*} properties over the defaults; throws {@link AiConfigException} on bad ones. */
    public static AiSettings fromProperties(Map<String, String> p) {
        Builder b = builder();
        Set<String> known = new TreeSet<>(PriceTable.SPEC_MODELS);
        String models = p.get("ai.models");
        if (models != null) {
            Arrays.stream(models.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(known::add);
        }
        b.prices(PriceTable.defaults().withProperties(p, known));
        if (p.containsKey("ai.quality")) {
            b.quality(Scorers.parse(p.get("ai.quality")));
        }
        b.sample(num(p, "ai.quality.sample", 1.0));
        b.qualityThreshold(num(p, "ai.quality.threshold", Scorers.DEFAULT_THRESHOLD));
        b.slo(num(p, "ai.slo.ttft-ms", Double.NaN), num(p, "ai.slo.latency-ms", Double.NaN));
        if (p.containsKey("ai.rate-limit")) {
            b.rateLimit(AiRateLimiter.parse(p.get("ai.rate-limit"), (int) num(p, "ai.rate-limit.burst", 1)));
        }
        if (p.containsKey("ai.mix")) {
            b.mix(ModelMix.parse(p.get("ai.mix")));
        }
        b.routing(LoadRouting.parse(p.get("ai.routing"), p.get("ai.routing.bands")));
        b.budget(Budget.fromProperties(p, b.prices.currency(), b.prices.brlPerUnit()));
        b.infrastructure(num(p, "ai.infra.hourly", 0), (int) num(p, "ai.infra.instances", 1));
        b.apiKey(p.get("ai.api-key"));
        return b.build();
    }

    private static double num(Map<String, String> p, String key, double def) {
        String v = p.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new AiConfigException(key + ": not a number: '" + v + "'");
        }
    }

    public PriceTable prices() {
        return prices;
    }

    public ModelMix mix() {
        return mix;
    }

    public Budget budget() {
        return budget;
    }

    public LoadRouting routing() {
        return routing;
    }

    /** The model of a request that asks for none: by live users when routing by load, else from the mix. */
    String pickModel(RandomGenerator random) {
        return routing != null ? routing.pick(liveUsers.get(), random) : mix.pick(random);
    }

    /**
     * Whether every AI request now goes to Gemini Flash: once an {@code optimize} budget with
     * {@code flash-only} has reached a limit (the clients see the spend live, as for ramp-down). It stays on.
     */
    boolean flashOnly(long now) {
        if (flashOnly) {
            return true;
        }
        if (budget == null || budget.action() != Budget.Action.OPTIMIZE || !budget.optimize().flashOnly()) {
            return false;
        }
        if (budget.share(spentBrl.sum(), hourSum(now)) >= 1.0) {
            flashOnly = true;
        }
        return flashOnly;
    }

    public AiRateLimiter limiter() {
        return limiter;
    }

    /** AI cost so far, R$ (live, from the clients; the budget guard uses the reported events). */
    public double spentBrl() {
        return spentBrl.sum();
    }

    /** Books the cost of one answer, for the run and for the sliding hour. */
    void spend(long nanos, double brl) {
        spentBrl.add(brl);
        hourSpend.add(nanos, brl);
    }

    /** The sliding hour's spending as the budget counts it: AI, plus the run's fixed hourly cost so far. */
    private double hourSum(long now) {
        return hourSpend.sum(now) + budget.fixedInHour(firstNanos == 0 ? 0 : (now - firstNanos) / 1e9);
    }

    /** The most spent in any sliding hour of the run so far, R$. */
    public double hourPeakBrl() {
        return hourSpend.peak();
    }

    /**
     * The ramp-down throttle: null while within budget; once a ramp-down budget's per-test or per-hour limit
     * is passed, a limiter at half the AI request rate seen so far, halved again at each further 10% over.
     */
    synchronized AiRateLimiter rampDown(long now) {
        if (budget == null || budget.action() != Budget.Action.RAMP_DOWN) {
            return null;
        }
        double over = budget.share(spentBrl.sum(), hourSum(now));
        if (over < 1.0) {
            return rampLimiter;
        }
        int steps = 1 + (int) Math.floor((over - 1.0) / 0.1);
        if (rampLimiter == null) {
            double seconds = Math.max(1e-3, (now - firstNanos) / 1e9);
            double rate = Math.max(0.01, requests.sum() / seconds);
            rampLimiter = limiter != null ? limiter : new AiRateLimiter(rate, 1);
        }
        if (steps > rampSteps) { // only ever slower: a ramp that eased off as the hour slides would oscillate
            rampSteps = steps;
            rampLimiter.slowDown(Math.max(1e-3, Math.pow(0.5, steps)));
        }
        return rampLimiter;
    }

    /** The share of the AI request rate the ramp-down leaves, 1.0 while it has not acted. */
    synchronized double rampFactor() {
        return rampLimiter == null ? 1.0 : rampLimiter.factor();
    }

    /** Code-side construction of {@link AiSettings}. */
    public static final class Builder {
        private PriceTable prices = PriceTable.defaults();
        private QualityScorer scorer = Scorers.heuristic();
        private double sample = 1.0;
        private double qualityThreshold = Scorers.DEFAULT_THRESHOLD;
        private double sloTtftMs = Double.NaN;
        private double sloLatencyMs = Double.NaN;
        private AiRateLimiter limiter;
        private ModelMix mix = ModelMix.spec();
        private LoadRouting routing;
        private Budget budget;
        private double infraHourlyBrl;
        private int infraInstances = 1;
        private String apiKey;

        public Builder prices(PriceTable t) {
            this.prices = t;
            return this;
        }

        public Builder quality(QualityScorer s) {
            this.scorer = s;
            return this;
        }

        /** Share of answers scored, 0..1 (default every one). */
        public Builder sample(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new AiConfigException("ai.quality.sample must be between 0 and 1, was " + share);
            }
            this.sample = share;
            return this;
        }

        public Builder qualityThreshold(double t) {
            if (!(t >= 0 && t <= 1)) {
                throw new AiConfigException("ai.quality.threshold must be between 0 and 1, was " + t);
            }
            this.qualityThreshold = t;
            return this;
        }

        /** The AI SLOs of goodput, in ms (NaN: none). */
        public Builder slo(double ttftMs, double latencyMs) {
            this.sloTtftMs = ttftMs;
            this.sloLatencyMs = latencyMs;
            return this;
        }

        public Builder rateLimit(AiRateLimiter l) {
            this.limiter = l;
            return this;
        }

        public Builder mix(ModelMix m) {
            this.mix = m;
            return this;
        }

        /** Routing by live users instead of the mix (null: the mix). */
        public Builder routing(LoadRouting r) {
            this.routing = r;
            return this;
        }

        public Builder budget(Budget b) {
            this.budget = b;
            return this;
        }

        /** The test's own infrastructure: R$ per instance-hour and instance count. */
        public Builder infrastructure(double hourlyBrl, int instances) {
            if (!(hourlyBrl >= 0) || instances < 1) {
                throw new AiConfigException("ai.infra: the hourly price must be >= 0 and instances >= 1, were "
                        + hourlyBrl + " and " + instances);
            }
            this.infraHourlyBrl = hourlyBrl;
            this.infraInstances = instances;
            return this;
        }

        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        public AiSettings build() {
            return new AiSettings(this);
        }
    }
}
