package io.carga.platform.db;

import io.carga.platform.auth.PasswordHasher;
import io.carga.platform.llm.BusinessType;
import io.carga.platform.llm.ContentGenerator;
import io.carga.platform.llm.Tokenizer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Fills an empty database with the accounts and history the spec's journeys and SQL expect:
 * businesses {@code 1..businesses} (so {@code biz_100..biz_999} and 5.1's {@code random(1, 1000)} exist),
 * users {@code 1..users} with e-mail {@code user_<id>@gmail.com} and password {@value #PASSWORD}, and a
 * history of AI generations and WhatsApp messages over the last 14 days. Rows go in with COPY.
 *
 * <p>Why seeding is fast with a slow hash: seeded users share {@value #SALTS} salts, so only that many
 * PBKDF2 derivations run (in parallel) instead of one per user. Each stored hash is still a full-cost
 * PBKDF2 hash, so every login pays the real verification cost. Real sign-ups get their own random salt.
 */
public final class Seeder {
    public static final String PASSWORD = "TestPass123";
    static final int SALTS = 8;
    static final List<String[]> CITIES = List.of(new String[] {"São Paulo", "SP"}, new String[] {"Rio de Janeiro", "RJ"},
            new String[] {"Belo Horizonte", "MG"}, new String[] {"Salvador", "BA"}, new String[] {"Recife", "PE"});
    private static final String[] NAMES = {"Dourado", "Bom Gosto", "da Esquina", "Central", "Estrela", "Sabor & Arte",
        "Nova Era", "Do Bairro", "Ipê", "Sol Nascente"};

    /** How much to seed. */
    public record Plan(int businesses, int users, int generationsPerBusiness, int messagesPerBusiness) {
        public Plan {
            if (businesses < 1 || users < 0 || generationsPerBusiness < 0 || messagesPerBusiness < 0) {
                throw new IllegalArgumentException("seed counts must be >= 0 (businesses >= 1)");
            }
        }
    }

    /** What was seeded; all zero when the database already had data. */
    public record Result(int businesses, int users, int generations, int messages, long millis) {}

    private Seeder() {}

    /** The rows to load, rendered as CSV ahead of time so this CPU work can overlap database start-up. */
    public record Prepared(Plan plan, String businesses, String users, String generations, String messages) {}

    /** Renders every seed row; pure CPU work, no database needed. */
    public static Prepared prepare(Plan plan, PasswordHasher hasher, long seed) {
        String[] hashes = IntStream.range(0, SALTS).parallel()
                .mapToObj(i -> hasher.hash(PASSWORD, ("carga-seed-salt" + i).getBytes(StandardCharsets.UTF_8)))
                .toArray(String[]::new);
        SplittableRandom r = new SplittableRandom(seed);
        return new Prepared(plan, businesses(plan), users(plan, hashes), generations(plan, r, seed), messages(plan, r));
    }

    /** Loads prepared rows when the database has no business yet; an already-seeded database is left alone. */
    public static Result loadIfEmpty(DataSource ds, Prepared p, long startedNanos) throws SQLException, IOException {
        Plan plan = p.plan();
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM businesses)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new Result(0, 0, 0, 0, 0);
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            copy.copyIn("COPY businesses (id, name, business_type, city, state, status, template, whatsapp_phone_number_id, "
                    + "owner_user_id, created_at) FROM STDIN WITH (FORMAT csv)", new StringReader(p.businesses()));
            copy.copyIn("COPY users (id, business_id, email, password_hash, name, phone, created_at) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(p.users()));
            copy.copyIn("COPY ai_generations (business_id, user_id, department, model, prompt, content, input_tokens, "
                    + "output_tokens, cost, latency_ms, created_at) FROM STDIN WITH (FORMAT csv)", new StringReader(p.generations()));
            copy.copyIn("COPY whatsapp_messages (business_id, user_id, content, direction, created_at) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(p.messages()));
            try (Statement st = c.createStatement()) {
                for (String t : List.of("businesses", "users", "ai_generations", "whatsapp_messages")) {
                    // Explicit ids went in; move the identity past them so new rows don't collide.
                    st.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "
                            + t + "), false)");
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE businesses, users, ai_generations, whatsapp_messages");
            }
            return new Result(plan.businesses(), plan.users(), plan.businesses() * plan.generationsPerBusiness(),
                    plan.businesses() * plan.messagesPerBusiness(), (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /** Prepares and loads in one go (tests, tools). */
    public static Result seedIfEmpty(DataSource ds, Plan plan, PasswordHasher hasher, long seed) throws SQLException, IOException {
        long t0 = System.nanoTime();
        return loadIfEmpty(ds, prepare(plan, hasher, seed), t0);
    }

    private static String businesses(Plan plan) {
        StringBuilder sb = new StringBuilder(plan.businesses() * 120);
        Instant created = Instant.now().minus(400, ChronoUnit.DAYS);
        for (int id = 1; id <= plan.businesses(); id++) {
            BusinessType type = BusinessType.values()[id % BusinessType.values().length];
            String[] city = CITIES.get(id % CITIES.size());
            String name = capitalize(type.label) + " " + NAMES[id % NAMES.length] + " " + id;
            Long owner = id <= plan.users() ? (long) id : null;
            row(sb, id, name, type.key, city[0], city[1], "active", type.key + "_basic", phoneNumberId(id), owner, created);
        }
        return sb.toString();
    }

    private static String users(Plan plan, String[] hashes) {
        StringBuilder sb = new StringBuilder(plan.users() * 200);
        Instant created = Instant.now().minus(300, ChronoUnit.DAYS);
        for (int id = 1; id <= plan.users(); id++) {
            long business = (id - 1L) % plan.businesses() + 1;
            row(sb, id, business, "user_" + id + "@gmail.com", hashes[id % SALTS], "Usuário " + id, userPhone(id), created);
        }
        return sb.toString();
    }

    private static String generations(Plan plan, SplittableRandom r, long seed) {
        // A small pool of texts, reused: generating 20k distinct texts would cost seconds for no insight.
        ContentGenerator gen = new ContentGenerator(seed);
        String[] prompts = {"Crie um post para Instagram", "Gere ideias de promoção", "Crie descrição de produto"};
        String[][] pool = new String[27][];
        for (int i = 0; i < pool.length; i++) {
            BusinessType b = BusinessType.values()[i % BusinessType.values().length];
            String prompt = prompts[i % prompts.length] + " para " + b.label;
            String text = gen.write(ContentGenerator.kindOf(prompt), b, null, prompt, null);
            pool[i] = new String[] {prompt, text, Integer.toString(Tokenizer.count(prompt)), Integer.toString(Tokenizer.count(text))};
        }
        long now = Instant.now().toEpochMilli();
        long window = 14L * 24 * 3600 * 1000;
        StringBuilder sb = new StringBuilder(plan.businesses() * plan.generationsPerBusiness() * 900);
        for (int b = 1; b <= plan.businesses(); b++) {
            for (int g = 0; g < plan.generationsPerBusiness(); g++) {
                String[] p = pool[r.nextInt(pool.length)];
                Long user = plan.users() >= b ? (long) b : null;
                int in = Integer.parseInt(p[2]);
                int out = Integer.parseInt(p[3]);
                row(sb, b, user, "marketing", "gemini-2.5-flash", p[0], p[1], in, out,
                        String.format(java.util.Locale.ROOT, "%.9f", (in + out) * 0.000001), 600 + r.nextInt(1200),
                        Instant.ofEpochMilli(now - (long) (r.nextDouble() * window)));
            }
        }
        return sb.toString();
    }

    private static String messages(Plan plan, SplittableRandom r) {
        String[] inbound = {"Olá, preciso de ajuda", "Qual o horário de funcionamento?", "Vocês fazem entrega?", "Quanto custa o produto X?"};
        long now = Instant.now().toEpochMilli();
        StringBuilder sb = new StringBuilder(plan.businesses() * plan.messagesPerBusiness() * 80);
        for (int b = 1; b <= plan.businesses(); b++) {
            for (int m = 0; m < plan.messagesPerBusiness(); m++) {
                boolean in = m % 2 == 0;
                long contact = plan.users() > 0 ? 1 + r.nextInt(plan.users()) : 1 + r.nextInt(10_000);
                row(sb, b, contact, in ? inbound[r.nextInt(inbound.length)] : "Obrigado pelo contato! Já vamos responder.",
                        in ? "inbound" : "outbound", Instant.ofEpochMilli(now - (long) (r.nextDouble() * 14L * 86_400_000)));
            }
        }
        return sb.toString();
    }

    /** The WhatsApp Business phone number id a seeded business receives webhooks for. */
    public static String phoneNumberId(long businessId) {
        return String.format("1%014d", businessId);
    }

    /** The WhatsApp number ({@code wa_id}) of a seeded user. */
    public static String userPhone(long userId) {
        return String.format("55119%08d", userId);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void row(StringBuilder sb, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields[i];
            if (f != null) {
                sb.append('"').append(f.toString().replace("\"", "\"\"")).append('"');
            }
        }
        sb.append('\n');
    }
}
