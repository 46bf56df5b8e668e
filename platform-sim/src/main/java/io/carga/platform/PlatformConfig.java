package io.carga.platform;

import io.carga.platform.db.Seeder;
import io.carga.platform.llm.FaultSettings;
import io.carga.platform.llm.ModelProfile;
import io.carga.platform.llm.Quota;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a running simulator needs, immutable. {@link #defaults()} holds every default in one place;
 * {@link #builder()} and the command line ({@link PlatformSimMain}) only produce this record.
 *
 * <pre>{@code
 * PlatformConfig cfg = PlatformConfig.builder().port(0).seed(new Seeder.Plan(1000, 10_000, 20, 10)).build();
 * try (PlatformSim sim = PlatformSim.start(cfg)) { ... sim.baseUrl() ... }
 * }</pre>
 *
 * @param host               interface to listen on
 * @param port               TCP port; 0 picks a free one
 * @param jdbcUrl            external PostgreSQL; null starts an embedded one
 * @param dbPoolSize         HikariCP maximum pool size
 * @param seed               what to seed into an empty database; null seeds nothing
 * @param llmSeed            seed of the simulated LLM's text and timing
 * @param llmTimeScale       multiplies every simulated LLM delay (1 = real time, 0 = instant; tests use 0)
 * @param faults             injected provider faults at start (changeable at run time via /admin/faults)
 * @param quotas             per-model limits; a model missing from the map is unlimited
 * @param whatsappAppSecret  Meta app secret that signs webhooks (X-Hub-Signature-256)
 * @param whatsappVerifyToken the token Meta's subscription handshake must present
 * @param tokenSecret        HMAC key for access tokens; null generates a random one per start
 * @param tokenTtl           access token lifetime
 * @param passwordIterations PBKDF2 iterations for password hashes
 * @param maxBodyBytes       largest accepted JSON body (413 beyond)
 * @param maxUploadBytes     largest accepted logo file (413 beyond)
 * @param brlPerUsd          R$ per US dollar, turning the spec's per-token prices into {@code cost_per_ai_request}
 * @param dbExtraLatencyMs   injected database fault: every query holds its pooled connection this much longer
 *                           (0: none), so with a small pool the database's time grows with load, as a slow one's does
 * @param planted            the changes a shadow candidate answers with ({@code --candidate}), or {@code Planted.NONE}
 */
public record PlatformConfig(String host, int port, String jdbcUrl, int dbPoolSize, Seeder.Plan seed, long llmSeed,
                             double llmTimeScale, FaultSettings faults, Map<String, Quota> quotas,
                             String whatsappAppSecret, String whatsappVerifyToken, String tokenSecret,
                             Duration tokenTtl, int passwordIterations, long maxBodyBytes, long maxUploadBytes,
                             double brlPerUsd, long dbExtraLatencyMs, io.carga.platform.http.Planted planted) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_POOL_SIZE = 20;
    /** Enough for the spec: biz 1..1000 (5.1 uses random(1,1000)), users 1..10000 covering user_1000..9999. */
    public static final Seeder.Plan DEFAULT_SEED = new Seeder.Plan(1_000, 10_000, 20, 10);
    public static final long DEFAULT_LLM_SEED = 42;
    public static final String DEFAULT_WHATSAPP_APP_SECRET = "carga-demo-app-secret";
    public static final String DEFAULT_WHATSAPP_VERIFY_TOKEN = "carga-verify-token";
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);
    /**
     * PBKDF2-HMAC-SHA256 iterations. OWASP's 2023 figure is 600,000; 100,000 (its earlier figure, still
     * Django's floor for older installs) costs about 40 ms per login here, which keeps the spec's 1000-user
     * login storm realistic without turning a 2-core demo machine into a hash benchmark.
     */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 100_000;
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L << 20;
    /**
     * The exchange rate carga-ai prices with by default ({@code PriceTable.DEFAULT_BRL_PER_USD}). The
     * simulator may not depend on carga, so the figure is repeated here: the two must agree, or the
     * server's {@code cost_per_ai_request} and carga's own cost figures for the same run would differ, and
     * an exported "AI Cost Spike" alert would fire at another moment than carga's.
     */
    public static final double DEFAULT_BRL_PER_USD = 5.0;

    public PlatformConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (dbPoolSize < 1) {
            throw new IllegalArgumentException("dbPoolSize must be >= 1");
        }
        if (llmTimeScale < 0) {
            throw new IllegalArgumentException("llmTimeScale must be >= 0");
        }
        if (dbExtraLatencyMs < 0) {
            throw new IllegalArgumentException("dbExtraLatencyMs must be >= 0");
        }
        if (!(brlPerUsd > 0) || Double.isInfinite(brlPerUsd)) {
            throw new IllegalArgumentException("brlPerUsd must be a positive number");
        }
        quotas = Map.copyOf(quotas);
        faults = faults == null ? FaultSettings.NONE : faults;
    }

    /** The per-model quotas of the spec's staging environment: 50% of production limits. */
    public static Map<String, Quota> defaultQuotas() {
        Map<String, Quota> q = new LinkedHashMap<>();
        ModelProfile.ALL.forEach(m -> q.put(m.name(), m.defaultQuota()));
        return q;
    }

    public static PlatformConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host; b.port = port; b.jdbcUrl = jdbcUrl; b.dbPoolSize = dbPoolSize; b.seed = seed;
        b.llmSeed = llmSeed; b.llmTimeScale = llmTimeScale; b.faults = faults; b.quotas = quotas;
        b.whatsappAppSecret = whatsappAppSecret; b.whatsappVerifyToken = whatsappVerifyToken;
        b.tokenSecret = tokenSecret; b.tokenTtl = tokenTtl; b.passwordIterations = passwordIterations;
        b.maxBodyBytes = maxBodyBytes; b.maxUploadBytes = maxUploadBytes; b.brlPerUsd = brlPerUsd;
        b.dbExtraLatencyMs = dbExtraLatencyMs;
        b.planted = planted;
        return b;
    }

    /** Fluent producer of {@link PlatformConfig}; starts from the defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private String jdbcUrl;
        private int dbPoolSize = DEFAULT_POOL_SIZE;
        private Seeder.Plan seed = DEFAULT_SEED;
        private long llmSeed = DEFAULT_LLM_SEED;
        private double llmTimeScale = 1.0;
        private FaultSettings faults = FaultSettings.NONE;
        private Map<String, Quota> quotas = defaultQuotas();
        private String whatsappAppSecret = DEFAULT_WHATSAPP_APP_SECRET;
        private String whatsappVerifyToken = DEFAULT_WHATSAPP_VERIFY_TOKEN;
        private String tokenSecret;
        private Duration tokenTtl = DEFAULT_TOKEN_TTL;
        private int passwordIterations = DEFAULT_PASSWORD_ITERATIONS;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private double brlPerUsd = DEFAULT_BRL_PER_USD;
        private long dbExtraLatencyMs;
        private io.carga.platform.http.Planted planted = io.carga.platform.http.Planted.NONE;

        private Builder() {}

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder jdbcUrl(String v) { jdbcUrl = v; return this; }
        public Builder dbPoolSize(int v) { dbPoolSize = v; return this; }
        public Builder seed(Seeder.Plan v) { seed = v; return this; }
        public Builder llmSeed(long v) { llmSeed = v; return this; }
        public Builder llmTimeScale(double v) { llmTimeScale = v; return this; }
        public Builder faults(FaultSettings v) { faults = v; return this; }
        public Builder quotas(Map<String, Quota> v) { quotas = v; return this; }
        /** Multiplies every default quota (2.0 = full production limits, 0 disables quotas). */
        public Builder quotaScale(double factor) {
            Map<String, Quota> q = new LinkedHashMap<>();
            if (factor > 0) {
                defaultQuotas().forEach((k, v) -> q.put(k, v.scaled(factor)));
            }
            quotas = q;
            return this;
        }
        public Builder whatsappAppSecret(String v) { whatsappAppSecret = v; return this; }
        public Builder whatsappVerifyToken(String v) { whatsappVerifyToken = v; return this; }
        public Builder tokenSecret(String v) { tokenSecret = v; return this; }
        public Builder tokenTtl(Duration v) { tokenTtl = v; return this; }
        public Builder passwordIterations(int v) { passwordIterations = v; return this; }
        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }
        public Builder maxUploadBytes(long v) { maxUploadBytes = v; return this; }
        public Builder brlPerUsd(double v) { brlPerUsd = v; return this; }
        public Builder dbExtraLatencyMs(long v) { dbExtraLatencyMs = v; return this; }
        /** Run as a shadow candidate with these planted changes (platform-sim --candidate). */
        public Builder planted(io.carga.platform.http.Planted v) { planted = v; return this; }

        public PlatformConfig build() {
            return new PlatformConfig(host, port, jdbcUrl, dbPoolSize, seed, llmSeed, llmTimeScale, faults, quotas,
                    whatsappAppSecret, whatsappVerifyToken, tokenSecret, tokenTtl, passwordIterations, maxBodyBytes,
                    maxUploadBytes, brlPerUsd, dbExtraLatencyMs, planted);
        }
    }
}
