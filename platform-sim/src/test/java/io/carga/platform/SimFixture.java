package io.carga.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.platform.db.Seeder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * One simulator per test JVM, on real embedded PostgreSQL with the default seed (so the spec's ids and
 * accounts exist), LLM delays scaled to zero so tests don't wait, quotas off (quota tests start their own
 * instance on the same database). Started on first use, stopped when the JVM exits.
 */
public final class SimFixture {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static PlatformSim sim;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SimFixture() {}

    public static synchronized PlatformSim sim() {
        if (sim == null) {
            try {
                sim = PlatformSim.start(PlatformConfig.builder()
                        .seed(PlatformConfig.DEFAULT_SEED)
                        .llmTimeScale(0)
                        .quotaScale(0)
                        .passwordIterations(10_000)
                        .tokenSecret("test-secret")
                        .build());
            } catch (Exception e) {
                throw new IllegalStateException("simulator did not start", e);
            }
            PlatformSim s = sim;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (Exception ignored) {
                    // JVM is exiting
                }
            }));
        }
        return sim;
    }

    public static String url(String path) {
        return sim().baseUrl() + path;
    }

    /** A response with its body parsed when it is JSON. */
    public record Res(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static Res post(String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    public static Res get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    public static String json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Logs in a seeded account (user_&lt;id&gt;@gmail.com) and returns the access token. */
    public static String login(long userId) {
        Res r = post("/auth/login", json(Map.of("email", "user_" + userId + "@gmail.com", "password", Seeder.PASSWORD)), null);
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.json().path("access_token").asText();
    }

    public static Connection db() throws SQLException {
        return DriverManager.getConnection(sim().jdbcUrl());
    }

    public static long count(String sql) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
