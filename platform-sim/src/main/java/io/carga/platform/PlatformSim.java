package io.carga.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.platform.auth.AuthRoutes;
import io.carga.platform.auth.PasswordHasher;
import io.carga.platform.auth.TokenService;
import io.carga.platform.db.Database;
import io.carga.platform.db.Migrations;
import io.carga.platform.db.Seeder;
import io.carga.platform.db.Sql;
import io.carga.platform.http.AiRoutes;
import io.carga.platform.http.AiService;
import io.carga.platform.http.BusinessRoutes;
import io.carga.platform.http.OpsRoutes;
import io.carga.platform.http.Router;
import io.carga.platform.llm.FaultController;
import io.carga.platform.llm.LlmSimulator;
import io.carga.platform.llm.QuotaLimiter;
import io.carga.platform.metrics.SimMetrics;
import io.carga.platform.privacy.PrivacyRoutes;
import io.carga.platform.provider.ProviderRoutes;
import io.carga.platform.upload.UploadRoutes;
import io.carga.platform.whatsapp.WhatsAppRoutes;
import io.helidon.webserver.WebServer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A running AI Departments Platform simulator: PostgreSQL (embedded unless configured), the seeded data,
 * the simulated LLM providers and the HTTP server. This class is the composition root; nothing else
 * wires components together.
 *
 * <pre>{@code
 * try (PlatformSim sim = PlatformSim.start(PlatformConfig.defaults())) {
 *     System.out.println("target at " + sim.baseUrl());   // e.g. http://127.0.0.1:40123
 *     sim.awaitShutdown();                                  // or run load against it, then close
 * }
 * }</pre>
 */
public final class PlatformSim implements AutoCloseable {
    private final PlatformConfig config;
    private final Database db;
    private final WebServer server;
    private final FaultController faults;
    private final Seeder.Result seeded;
    private final long startupMillis;

    private PlatformSim(PlatformConfig config, Database db, WebServer server, FaultController faults,
                        Seeder.Result seeded, long startupMillis) {
        this.config = config;
        this.db = db;
        this.server = server;
        this.faults = faults;
        this.seeded = seeded;
        this.startupMillis = startupMillis;
    }

    /** Starts everything and returns once the server accepts connections. Close it to stop. */
    public static PlatformSim start(PlatformConfig config) throws Exception {
        long t0 = System.nanoTime();
        PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
        // Seed rows (slow hashes included) are rendered while PostgreSQL starts: start-up is the longer
        // of the two rather than their sum, which keeps `carga demo` within its 15 s budget.
        CompletableFuture<Seeder.Prepared> prepared = config.seed() == null ? null
                : CompletableFuture.supplyAsync(() -> Seeder.prepare(config.seed(), hasher, config.llmSeed()));
        Database db = Database.open(config.jdbcUrl(), config.dbPoolSize());
        try {
            Migrations.apply(db.dataSource());
            Seeder.Result seeded = prepared == null ? new Seeder.Result(0, 0, 0, 0, 0)
                    : Seeder.loadIfEmpty(db.dataSource(), prepared.join(), t0);

            SimMetrics metrics = new SimMetrics(config.brlPerUsd());
            metrics.bindPool(() -> db.pool().getHikariPoolMXBean());
            Sql sql = new Sql(db.dataSource(), metrics::dbOperation, config.dbExtraLatencyMs());
            metrics.bindActivationRate(() -> BusinessRoutes.activationRate(sql));
            ObjectMapper json = new ObjectMapper();
            Clock clock = Clock.systemUTC();
            byte[] secret = config.tokenSecret() != null ? config.tokenSecret().getBytes(StandardCharsets.UTF_8) : randomSecret();
            TokenService tokens = new TokenService(secret, config.tokenTtl(), clock);

            FaultController faults = new FaultController(config.faults(), System::nanoTime);
            QuotaLimiter quotas = new QuotaLimiter(config.quotas(), System::nanoTime);
            LlmSimulator llm = new LlmSimulator(config.llmSeed(), config.llmTimeScale(), faults, quotas, metrics);

            Router router = new Router(json, metrics, tokens, config.maxBodyBytes()).planting(config.planted());
            new OpsRoutes(sql, metrics, faults).register(router);
            new AuthRoutes(sql, hasher, tokens).register(router);
            new AiRoutes(new AiService(llm, sql), sql).register(router);
            new BusinessRoutes(sql).register(router);
            new UploadRoutes(sql, config.maxUploadBytes()).register(router);
            new PrivacyRoutes(sql).register(router);
            new WhatsAppRoutes(sql, config.whatsappAppSecret(), config.whatsappVerifyToken(), metrics, config.maxBodyBytes())
                    .register(router);
            new ProviderRoutes(llm, json, clock).register(router);

            WebServer server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .shutdownHook(false)
                    // Streams are many small writes: with Nagle on, a chunk written while the previous one is
                    // unacknowledged waits for the client's delayed ACK (~40 ms), so what the client sees
                    // would lag the schedule the simulator reports. Real providers' front ends send at once.
                    .connectionOptions(o -> o.tcpNoDelay(true))
                    // A backstop only: handlers enforce the real limits themselves with JSON 413 answers.
                    .maxPayloadSize(4 * Math.max(config.maxBodyBytes(), config.maxUploadBytes()))
                    .routing(router.build())
                    .build()
                    .start();
            return new PlatformSim(config, db, server, faults, seeded, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    private static byte[] randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** e.g. {@code http://127.0.0.1:40123}, no trailing slash. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The JDBC URL of the database in use (embedded or external), for pgbench-style runs against it. */
    public String jdbcUrl() {
        return db.jdbcUrl();
    }

    public PlatformConfig config() {
        return config;
    }

    /** What seeding did at start (all zero if the database already had data or seeding was off). */
    public Seeder.Result seeded() {
        return seeded;
    }

    /** From {@link #start} called to server accepting: database start, migrations, seeding included. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Live fault settings (the same ones {@code /admin/faults} changes). */
    public FaultController faults() {
        return faults;
    }

    /** Blocks until the server stops (another thread calls {@link #close}). */
    public void awaitShutdown() throws InterruptedException {
        while (server.isRunning()) {
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            db.close();
        }
    }
}
