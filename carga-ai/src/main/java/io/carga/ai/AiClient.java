package io.carga.ai;

import io.carga.ai.budget.Budget;
import io.carga.ai.limit.AiRateLimiter;
import io.carga.ai.wire.AiRequest;
import io.carga.ai.wire.MalformedAnswerException;
import io.carga.ai.wire.StreamReader;
import io.carga.ai.wire.Usage;
import io.carga.ai.wire.Wire;
import io.carga.core.api.Metrics;
import io.carga.core.api.User;
import io.carga.core.api.UserContext;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.http.HttpSettings;
import io.carga.http.client.Agent;
import io.carga.http.client.Headers;
import io.carga.http.client.HttpClient;
import io.carga.http.client.HttpFailure;
import io.carga.http.client.HttpRequest;
import io.carga.http.client.HttpResponse;
import io.carga.http.client.Method;
import io.carga.http.client.RequestBody;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A virtual user's AI client: OpenAI chat completions, Gemini generateContent and the platform's own AI
 * endpoints, streaming or not, each request reported as one {@code ai} event tagged by model, with tokens,
 * cost (R$), quality and goodput as fields and TTFT, ITL and TPOT as timings. Works from any user
 * (an {@code HttpUser} or not); it keeps its own keep-alive connection. Thread-confined to its user.
 *
 * <pre>{@code
 * AiClient ai;
 * public void onStart() { ai = AiClient.of(this); }
 * @Task void write() {
 *     ai.openai("gpt-3.5-turbo").prompt("Crie um post para Instagram de uma padaria").maxTokens(300).stream();
 * }
 * }</pre>
 *
 * Keys: {@code ai.api-key}, else {@code OPENAI_API_KEY} / {@code GEMINI_API_KEY} from the environment,
 * else a dummy key that the reference target accepts. Base URL: {@code --target} unless {@link #baseUrl}.
 */
public final class AiClient implements AutoCloseable {
    /** The run's AI HTTP client, shared by all users; closed by the engine at the end of the run. */
    static final class SharedHttp implements AutoCloseable {
        final HttpClient client;

        SharedHttp(Map<String, String> props) {
            this.client = HttpClient.create(HttpSettings.clientConfig(props));
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private final UserContext ctx;
    private final AiSettings settings;
    private final Agent agent;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Tags> tagsByModel = new HashMap<>();
    private String baseUrl;
    private String bearer;
    private String lastModel;
    private boolean configPublished;
    /** The live budget state for the report (null without a budget): the dearest sliding hour, the ramp-down. */
    private Metrics.Gauge hourPeakGauge;
    private Metrics.Gauge rampFactorGauge;

    private AiClient(UserContext ctx, AiSettings settings) {
        this.ctx = ctx;
        this.settings = settings;
        this.agent = ctx.shared(SharedHttp.class, () -> new SharedHttp(ctx.properties())).client.newAgent();
        this.baseUrl = ctx.target();
        settings.liveUsers.incrementAndGet();
    }

    /** The user's client with the run's settings (its {@code ai.*} properties). */
    public static AiClient of(User user) {
        UserContext c = user.context();
        return new AiClient(c, c.shared(AiSettings.class, () -> AiSettings.fromProperties(c.properties())));
    }

    /** The user's client; {@code settings} become the run's unless another user installed some first. */
    public static AiClient of(User user, AiSettings settings) {
        UserContext c = user.context();
        return new AiClient(c, c.shared(AiSettings.class, () -> settings));
    }

    public AiClient baseUrl(String url) {
        this.baseUrl = url;
        return this;
    }

    /** The platform's session token, for its own AI endpoints. */
    public AiClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    public AiClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public AiCall openai(String model) {
        return new AiCall(this, Provider.OPENAI, model, null);
    }

    public AiCall gemini(String model) {
        return new AiCall(this, Provider.GEMINI, model, null);
    }

    /** A platform endpoint ({@code /api/v1/ai/generate} when {@code path} is null); the model defaults to the mix. */
    public AiCall platform(String path) {
        return new AiCall(this, Provider.PLATFORM, null, path);
    }

    /** A call whose model comes from the mix, on the provider that serves it (Gemini for {@code gemini-*}). */
    public AiCall rotating() {
        String m = pickModel();
        return new AiCall(this, m.startsWith("gemini") ? Provider.GEMINI : Provider.OPENAI, m, null);
    }

    public AiSettings settings() {
        return settings;
    }

    RandomGenerator random() {
        return ctx.random();
    }

    /** The model of a call that names none: the mix, or the routing by load. */
    String pickModel() {
        return settings.pickModel(random());
    }

    AiResponse execute(AiRequest r, String statName, Tags extraTags) {
        publishConfig();
        long intended = ctx.takeIntendedStart();
        long now = ctx.nanoTime();
        if (intended == 0) {
            intended = now;
        }
        if (settings.firstNanos == 0) {
            settings.firstNanos = now;
        }
        if (settings.flashOnly(now) && !r.model().equals(Budget.Optimize.FLASH)) {
            r = r.onModel(Budget.Optimize.FLASH, r.provider() == Provider.PLATFORM ? Provider.PLATFORM : Provider.GEMINI);
        }
        AiRateLimiter ramp = settings.rampDown(now);
        if (settings.limiter != null && !settings.limiter.acquire(ctx) || ramp != null && ramp != settings.limiter && !ramp.acquire(ctx)) {
            // the run stopped while waiting for a slot: nothing was sent, nothing is reported
            return new AiResponse(r.model(), Outcome.INTERRUPTED, "run stopped before the rate limiter admitted the request",
                    0, Headers.EMPTY, "", null, Double.NaN, Double.NaN, intended, now, ctx.nanoTime(), -1, -1, null, null);
        }
        Wire wire = Wire.of(r.provider());
        String name = statName != null ? statName : "ai " + r.provider().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (r.provider() == Provider.GEMINI ? (r.stream() ? "streamGenerateContent" : "generateContent") : wire.path(r));
        HttpRequest req;
        try {
            req = request(r, wire);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AI request: " + e.getMessage(), e);
        }
        settings.requests.increment();
        settings.inFlight.incrementAndGet();
        StreamReader reader = r.stream() ? new StreamReader(wire) : null;
        HttpResponse raw = null;
        HttpFailure failure = null;
        try {
            raw = agent.send(req, reader);
        } catch (HttpFailure f) {
            failure = f;
        } finally {
            settings.inFlight.decrementAndGet();
        }
        return finish(r, name, tags(r.model(), extraTags), wire, reader, raw, failure, intended, now);
    }

    /** The model's tag (cached per model), the load band when routing by load, plus a call's own tags. */
    private Tags tags(String model, Tags extra) {
        Tags t = tagsByModel.computeIfAbsent(model, m -> Tags.of(AiFields.MODEL, m));
        if (settings.routing != null) {
            t = t.with(AiFields.LOAD_BAND, settings.routing.band(settings.liveUsers.get()));
        }
        for (var e : extra.values().entrySet()) {
            t = t.with(e.getKey(), e.getValue());
        }
        return t;
    }

    private HttpRequest request(AiRequest r, Wire wire) {
        String base = baseUrl;
        if (base == null) {
            throw new IllegalArgumentException("no base URL: run with --target URL or call baseUrl(...)");
        }
        HttpRequest.Builder b = HttpRequest.builder(Method.POST, base.replaceAll("/+$", "") + wire.path(r));
        b.body(RequestBody.json(wire.body(r).toString()));
        String key = key(r.provider());
        switch (r.provider()) {
            case OPENAI -> b.header("Authorization", "Bearer " + key);
            case GEMINI -> b.header("x-goog-api-key", key);
            case PLATFORM -> {
                if (bearer != null) {
                    b.header("Authorization", "Bearer " + bearer);
                }
            }
        }
        if (r.stream()) {
            b.header("Accept", "text/event-stream");
        }
        headers.forEach(b::header);
        return b.build();
    }

    private String key(Provider p) {
        if (settings.apiKey != null) {
            return settings.apiKey;
        }
        String env = System.getenv(p == Provider.GEMINI ? "GEMINI_API_KEY" : "OPENAI_API_KEY");
        return env != null && !env.isBlank() ? env : "carga-test-key";
    }

    private AiResponse finish(AiRequest r, String name, Tags tags, Wire wire, StreamReader reader, HttpResponse raw,
                              HttpFailure failure, long intended, long sendAt) {
        Outcome outcome = Outcome.OK;
        String error = null;
        String text = "";
        Usage usage = null;
        long start = sendAt;
        long end;
        long bytesIn = 0;
        long bytesOut = 0;
        Headers headers = Headers.EMPTY;
        int status = 0;
        if (raw == null) {
            outcome = ctx.cutOff() ? Outcome.INTERRUPTED : outcome(failure);
            error = failure.getMessage();
            start = failure.startNanos();
            end = failure.startNanos() + failure.elapsedNanos();
            if (reader != null && reader.malformed() != null) {
                outcome = Outcome.OTHER;
                error = reader.malformed();
            }
        } else {
            start = raw.timings().startNanos();
            end = raw.timings().endNanos();
            bytesIn = raw.timings().bytesReceived();
            bytesOut = raw.timings().bytesSent();
            headers = raw.headers();
            status = raw.status();
            String body = reader != null ? reader.rawText() : raw.text();
            if (status >= 400) {
                outcome = status >= 500 ? Outcome.SERVER_ERROR : Outcome.CLIENT_ERROR;
                error = "HTTP " + status + ": " + Wire.errorMessage(body);
            } else if (reader != null) {
                text = reader.text();
                usage = reader.usage();
                if (reader.malformed() != null) {
                    outcome = Outcome.OTHER;
                    error = reader.malformed();
                } else if (!reader.complete()) {
                    outcome = Outcome.OTHER;
                    error = "malformed SSE: the stream ended without its end marker after " + reader.events().size() + " events";
                }
            } else {
                try {
                    Wire.Answer a = wire.parse(Wire.JSON.readTree(body));
                    text = a.text();
                    usage = a.usage();
                } catch (MalformedAnswerException e) {
                    outcome = Outcome.OTHER;
                    error = "malformed answer: " + e.getMessage();
                } catch (Exception e) {
                    outcome = Outcome.OTHER;
                    error = "malformed answer: not JSON";
                }
            }
        }
        if (usage == null && outcome == Outcome.OK) {
            usage = Usage.estimate(r.inputText(), text);
        }
        return report(r, name, tags, outcome, error, status, headers, text, usage, reader, intended, start, end, bytesIn, bytesOut);
    }

    private AiResponse report(AiRequest r, String name, Tags tags, Outcome outcome, String error, int status,
                              Headers headers, String text, Usage usage, StreamReader reader, long intended, long start,
                              long end, long bytesIn, long bytesOut) {
        Metrics metrics = ctx.metrics();
        Map<String, Double> f = new HashMap<>();
        f.put(AiFields.AI_REQUESTS, 1.0);
        f.put(AiFields.GEN_MS, (end - start) / 1e6);
        if (start > intended) {
            f.put(AiFields.RATE_DELAY_MS, (start - intended) / 1e6);
        }
        double cost = Double.NaN;
        if (usage != null) {
            f.put(AiFields.INPUT_TOKENS, (double) usage.input());
            f.put(AiFields.OUTPUT_TOKENS, (double) usage.output());
            f.put(AiFields.TOKENS, (double) usage.total());
            if (usage.estimated()) {
                f.put(AiFields.TOKENS_ESTIMATED, 1.0);
            }
            cost = settings.prices.costBrl(r.model(), usage.input(), usage.output());
            if (Double.isNaN(cost)) {
                f.put(AiFields.UNPRICED, 1.0);
            } else {
                f.put(AiFields.COST, cost);
                settings.spend(end, cost);
                if (hourPeakGauge != null) {
                    hourPeakGauge.set(settings.hourPeakBrl());
                    rampFactorGauge.set(settings.rampFactor());
                }
            }
        }
        boolean switched = lastModel != null && !lastModel.equals(r.model());
        lastModel = r.model();
        if (switched) {
            f.put(AiFields.MODEL_SWITCHES, 1.0);
            metrics.timing(AiFields.SWITCH_LATENCY, tags).recordNanos(end - intended);
        }
        long ttft = -1;
        long tpot = -1;
        StreamTimings timings = null;
        if (reader != null && outcome == Outcome.OK) {
            timings = StreamTimings.of(reader, usage == null ? 0 : usage.output());
            ttft = timings.ttftNanos(intended);
            tpot = timings.tpotNanos();
            if (ttft >= 0) {
                metrics.timing(AiFields.TTFT, tags).recordNanos(ttft);
            }
            Metrics.Timing itl = metrics.timing(AiFields.ITL, tags);
            for (long[] x : timings.interTokenLatencies()) {
                for (long k = 0; k < x[1]; k++) {
                    itl.recordNanos(x[0]);
                }
            }
            if (tpot >= 0) {
                metrics.timing(AiFields.TPOT, tags).recordNanos(tpot);
            }
        }
        double quality = Double.NaN;
        if (outcome == Outcome.OK && (settings.sample >= 1 || ctx.random().nextDouble() < settings.sample)) {
            quality = Math.max(0, Math.min(1, settings.scorer.score(text, r.model())));
            f.put(AiFields.QUALITY_SUM, quality);
            f.put(AiFields.QUALITY_N, 1.0);
            if (quality >= settings.qualityThreshold) {
                f.put(AiFields.QUALITY_PASS, 1.0);
            }
            metrics.timing(AiFields.QUALITY, tags.with("load", AiFields.loadLevel(settings.inFlight.get() + 1)))
                    .recordNanos((long) (quality * 1_000_000));
        }
        if (outcome == Outcome.OK && meets(ttft, end - intended, quality)) {
            f.put(AiFields.GOODPUT, 1.0);
        }
        ctx.events().record(new RequestEvent(name, AiFields.TYPE, tags, intended, start, end, bytesOut, bytesIn, outcome,
                error, f));
        return new AiResponse(r.model(), outcome, error, status, headers, text, usage, cost, quality, intended, start, end,
                ttft, tpot, timings, reader == null ? null : reader.simTrailer());
    }

    private boolean meets(long ttft, long latency, double quality) {
        if (!Double.isNaN(settings.sloTtftMs) && ttft >= 0 && ttft / 1e6 > settings.sloTtftMs) {
            return false;
        }
        if (!Double.isNaN(settings.sloLatencyMs) && latency / 1e6 > settings.sloLatencyMs) {
            return false;
        }
        return Double.isNaN(quality) || quality >= settings.qualityThreshold;
    }

    private void publishConfig() {
        if (configPublished) {
            return;
        }
        configPublished = true;
        Metrics m = ctx.metrics();
        m.gauge(AiFields.CFG_INFRA_HOURLY).set(settings.infraHourlyBrl);
        m.gauge(AiFields.CFG_INFRA_INSTANCES).set(settings.infraInstances);
        m.gauge(AiFields.CFG_QUALITY_THRESHOLD).set(settings.qualityThreshold);
        m.gauge(AiFields.CFG_BRL_PER_UNIT).set(settings.prices.brlPerUnit());
        if (settings.budget != null) {
            m.gauge(AiFields.CFG_BUDGET_TEST).set(settings.budget.perTestBrl());
            m.gauge(AiFields.CFG_BUDGET_HOUR).set(settings.budget.perHourBrl());
            m.gauge(AiFields.CFG_BUDGET_DAY).set(settings.budget.perDayBrl());
            m.gauge(AiFields.CFG_BUDGET_DAY_SPENT).set(settings.budget.daySpentBrl());
            hourPeakGauge = m.gauge(AiFields.BUDGET_HOUR_PEAK);
            rampFactorGauge = m.gauge(AiFields.BUDGET_RAMP_FACTOR);
        }
    }

    private static Outcome outcome(HttpFailure f) {
        return switch (f.kind()) {
            case REFUSED, UNKNOWN_HOST -> Outcome.REFUSED;
            case RESET -> Outcome.RESET;
            case CONNECT_TIMEOUT -> Outcome.CONNECT_TIMEOUT;
            case READ_TIMEOUT -> Outcome.READ_TIMEOUT;
            case TLS -> Outcome.TLS;
            case PROTOCOL, IO -> Outcome.OTHER;
        };
    }

    @Override
    public void close() {
        settings.liveUsers.decrementAndGet();
        agent.close();
    }
}
