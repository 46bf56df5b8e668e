package io.carga.platform;

import io.carga.platform.llm.Quota;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotas and injected faults. A second simulator with tiny quotas runs on the shared fixture's database
 * (external-JDBC mode, already seeded), so no second PostgreSQL starts.
 */
@Timeout(90)
class QuotaAndFaultsTest {
    static PlatformSim limited;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        limited = PlatformSim.start(sim().config().toBuilder().jdbcUrl(sim().jdbcUrl()).dbPoolSize(4)
                .quotas(Map.of("gpt-4-turbo", new Quota(2, 0), "gemini-2.5-flash", new Quota(0, 150))).build());
    }

    @AfterAll
    static void stop() throws Exception {
        limited.close();
    }

    static HttpResponse<String> call(String path, String body, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(limited.baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsPerMinuteQuotaGives429WithRetryAfter() throws Exception {
        String token = "Bearer " + login(1357);
        String body = json(Map.of("prompt", "Olá", "model", "gpt-4-turbo"));
        assertThat(call("/api/v1/ai/generate", body, token).statusCode()).isEqualTo(200);
        assertThat(call("/api/v1/ai/generate", body, token).statusCode()).isEqualTo(200);
        HttpResponse<String> third = call("/api/v1/ai/generate", body, token);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(JSON.readTree(third.body()).path("error").path("code").asText()).isEqualTo("rate_limited");
        // The provider endpoint shares the model's allowance and answers in OpenAI's shape.
        HttpResponse<String> oa = call("/v1/chat/completions",
                "{\"model\":\"gpt-4-turbo\",\"messages\":[{\"role\":\"user\",\"content\":\"oi\"}]}", "Bearer sk-x");
        assertThat(oa.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(oa.body()).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(oa.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void tokensPerMinuteQuotaGives429InGeminiShape() throws Exception {
        String body = "{\"contents\":[{\"parts\":[{\"text\":\"Crie um post para Instagram de uma padaria\"}]}]}";
        int first = call("/v1beta/models/gemini-2.5-flash:generateContent", body, "Bearer k").statusCode();
        HttpResponse<String> second = call("/v1beta/models/gemini-2.5-flash:generateContent", body, "Bearer k");
        assertThat(first).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(second.body()).path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    }

    @Test
    void adminEndpointInjectsProviderFailures() throws Exception {
        String token = login(2468);
        try {
            Res put = send(HttpRequest.newBuilder(URI.create(url("/admin/faults"))).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"error_rate\":1.0}")));
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().path("error_rate").asDouble()).isEqualTo(1.0);
            Res r = post("/api/v1/ai/generate", json(Map.of("prompt", "Olá")), token);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("llm_unavailable");
            Res bad = send(HttpRequest.newBuilder(URI.create(url("/admin/faults"))).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"error_rate\":7}")));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("error").path("field").asText()).isEqualTo("error_rate");
        } finally {
            send(HttpRequest.newBuilder(URI.create(url("/admin/faults"))).DELETE());
        }
        assertThat(post("/api/v1/ai/generate", json(Map.of("prompt", "Olá")), token).status()).isEqualTo(200);
        assertThat(get("/admin/faults", null).json().path("error_rate").asDouble()).isZero();
    }
}
