package io.carga.platform;

import io.carga.platform.db.Seeder;
import io.carga.platform.llm.FaultSettings;

import java.util.Map;

/**
 * Runs the simulator as its own program. Options (all optional):
 *
 * <pre>
 *   --host H                  listen address (127.0.0.1)
 *   --port P                  TCP port, 0 = free port (8080)
 *   --jdbc-url URL            external PostgreSQL instead of the embedded one
 *   --pool-size N             HikariCP pool size (20)
 *   --seed-data B,U[,G[,M]]   seed B businesses, U users, G generations and M WhatsApp messages per business
 *                             into an empty database (1000,10000,20,10); "none" seeds nothing
 *   --llm-seed N              seed of simulated text and timing (42)
 *   --llm-time-scale X        multiply simulated LLM delays (1; 0 = instant)
 *   --quota-scale X           multiply default per-model quotas (1 = 50% of production; 0 = no quotas)
 *   --error-rate X            injected provider failure fraction 0..1 (0)
 *   --extra-latency-ms N      added to every time to first token (0)
 *   --stall-every-ms N        periodic provider stall period (0 = off)
 *   --stall-for-ms N          stall length
 *   --slow-stream-factor X    multiply time between streamed tokens (1)
 *   --whatsapp-app-secret S   webhook HMAC secret (carga-demo-app-secret)
 *   --whatsapp-verify-token S webhook handshake token (carga-verify-token)
 *   --token-secret S          access-token HMAC key (random per start)
 *   --password-iterations N   PBKDF2 iterations (100000)
 *   --brl-per-usd X           R$ per US dollar for cost_per_ai_request (5.0, carga-ai's default)
 *   --db-extra-latency-ms N   injected database fault: each query holds its connection N ms longer (0)
 *   --candidate               run as a shadow candidate with planted changes: GET /api/v1/business/{id} answers
 *                             "status": "trial", GET /api/v1/business/{id}/generations answers 50 ms later
 *   --candidate-latency-ms N  the candidate's extra latency on that route (50)
 * </pre>
 */
public final class PlatformSimMain {
    private PlatformSimMain() {}

    public static void main(String[] args) throws Exception {
        PlatformConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("platform-sim: " + e.getMessage());
            System.err.println("see the options in platform-sim/README.md (or --help)");
            System.exit(2);
            return;
        }
        PlatformSim sim = PlatformSim.start(config);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                sim.close();
            } catch (Exception e) {
                System.err.println("platform-sim: error while stopping: " + e);
            }
        }));
        Seeder.Result s = sim.seeded();
        System.out.printf("platform-sim listening on %s (started in %d ms; seeded %d businesses, %d users, %d generations in %d ms)%n",
                sim.baseUrl(), sim.startupMillis(), s.businesses(), s.users(), s.generations(), s.millis());
        sim.awaitShutdown();
    }

    /** Parses the options above into a config; the carga CLI can reuse this for {@code carga target}. */
    public static PlatformConfig parse(String[] args) {
        PlatformConfig.Builder b = PlatformConfig.builder().port(8080);
        FaultSettings f = FaultSettings.NONE;
        double errorRate = f.errorRate();
        long extra = 0;
        long every = 0;
        long stallFor = 0;
        double slow = 1;
        boolean candidate = false;
        long candidateMs = 50;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--candidate")) {
                candidate = true; // a flag: no value
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("usage: platform-sim [--port P] [--jdbc-url URL] [--seed-data B,U[,G[,M]]] ...");
            }
            String key = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                value = args[++i];
            }
            try {
                switch (key) {
                    case "--host" -> b.host(value);
                    case "--port" -> b.port(Integer.parseInt(value));
                    case "--jdbc-url" -> b.jdbcUrl(value);
                    case "--pool-size" -> b.dbPoolSize(Integer.parseInt(value));
                    case "--seed-data" -> b.seed(seedPlan(value));
                    case "--llm-seed" -> b.llmSeed(Long.parseLong(value));
                    case "--llm-time-scale" -> b.llmTimeScale(Double.parseDouble(value));
                    case "--quota-scale" -> b.quotaScale(Double.parseDouble(value));
                    case "--error-rate" -> errorRate = Double.parseDouble(value);
                    case "--extra-latency-ms" -> extra = Long.parseLong(value);
                    case "--stall-every-ms" -> every = Long.parseLong(value);
                    case "--stall-for-ms" -> stallFor = Long.parseLong(value);
                    case "--slow-stream-factor" -> slow = Double.parseDouble(value);
                    case "--db-extra-latency-ms" -> b.dbExtraLatencyMs(Long.parseLong(value));
                    case "--whatsapp-app-secret" -> b.whatsappAppSecret(value);
                    case "--whatsapp-verify-token" -> b.whatsappVerifyToken(value);
                    case "--token-secret" -> b.tokenSecret(value);
                    case "--password-iterations" -> b.passwordIterations(Integer.parseInt(value));
                    case "--brl-per-usd" -> b.brlPerUsd(Double.parseDouble(value));
                    case "--candidate-latency-ms" -> candidateMs = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + key);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: " + value);
            }
        }
        b.faults(new FaultSettings(errorRate, Map.of(), extra, every, stallFor, slow));
        if (candidate) {
            b.planted(io.carga.platform.http.Planted.candidate(candidateMs));
        }
        return b.build();
    }

    static Seeder.Plan seedPlan(String value) {
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        String[] p = value.split(",");
        if (p.length < 2 || p.length > 4) {
            throw new IllegalArgumentException("--seed-data expects B,U[,G[,M]] or none, got " + value);
        }
        Seeder.Plan d = PlatformConfig.DEFAULT_SEED;
        return new Seeder.Plan(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()),
                p.length > 2 ? Integer.parseInt(p[2].strip()) : d.generationsPerBusiness(),
                p.length > 3 ? Integer.parseInt(p[3].strip()) : d.messagesPerBusiness());
    }
}
