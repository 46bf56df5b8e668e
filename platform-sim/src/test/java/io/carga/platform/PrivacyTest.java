package io.carga.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class PrivacyTest {

    @Test
    void deletionRemovesThePersonsRowsInOneGoAndRecordsIt() throws Exception {
        // user 7777 belongs to business 777; a colleague (user 8777, same business) relays the request.
        String subject = login(7777);
        assertThat(post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "padaria")), subject).status()).isEqualTo(200);
        assertThat(post("/api/v1/departments/cx/chat", json(Map.of("message", "Oi", "channel", "whatsapp", "business_id", "biz_5")), subject)
                .status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM ai_generations WHERE user_id = 7777")).isPositive();
        assertThat(count("SELECT count(*) FROM whatsapp_messages WHERE user_id = 7777")).isPositive();

        String controller = login(8777);
        Res r = post("/api/v1/privacy/data-request", json(Map.of("request_type", "deletion", "user_id", "user_7777",
                "business_id", "biz_777")), controller);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("completed");
        assertThat(r.json().path("deleted").path("users").asInt()).isEqualTo(1);

        assertThat(count("SELECT count(*) FROM users WHERE id = 7777")).isZero();
        assertThat(count("SELECT count(*) FROM ai_generations WHERE user_id = 7777")).isZero();
        assertThat(count("SELECT count(*) FROM whatsapp_messages WHERE user_id = 7777")).isZero();
        assertThat(count("SELECT count(*) FROM uploads WHERE user_id = 7777")).isZero();
        assertThat(count("SELECT count(*) FROM privacy_requests WHERE user_id = 7777 AND request_type = 'deletion' "
                + "AND status = 'completed'")).isEqualTo(1);
        // The erased person can no longer log in; their still-valid token can't re-link rows to them.
        assertThat(post("/auth/login", json(Map.of("email", "user_7777@gmail.com", "password", "TestPass123")), null).status())
                .isEqualTo(401);
    }

    @Test
    void exportReturnsThePersonsData() {
        String self = login(6666);
        post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "farmacia")), self);
        Res r = post("/api/v1/privacy/data-request", json(Map.of("request_type", "export", "user_id", "user_6666",
                "business_id", "biz_666")), self);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("data").path("account").path("email").asText()).isEqualTo("user_6666@gmail.com");
        assertThat(r.json().path("data").path("ai_generations").size()).isPositive();
    }

    @Test
    void anotherBusinessesPersonIs403AndBadInputIs400() {
        String token = login(5555); // business 555
        Res other = post("/api/v1/privacy/data-request", json(Map.of("request_type", "deletion", "user_id", "user_4444",
                "business_id", "biz_444")), token);
        assertThat(other.status()).isEqualTo(403);
        Res type = post("/api/v1/privacy/data-request", json(Map.of("request_type", "sell", "user_id", "user_5555",
                "business_id", "biz_555")), token);
        assertThat(type.json().path("error").path("field").asText()).isEqualTo("request_type");
        Res id = post("/api/v1/privacy/data-request", json(Map.of("request_type", "export", "user_id", "bob",
                "business_id", "biz_555")), token);
        assertThat(id.json().path("error").path("field").asText()).isEqualTo("user_id");
    }
}
