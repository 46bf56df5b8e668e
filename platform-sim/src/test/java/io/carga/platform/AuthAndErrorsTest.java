package io.carga.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class AuthAndErrorsTest {

    @Test
    void seededAccountLogsInWithTheSpecPasswordAndGetsTokenAndCookie() {
        Res r = post("/auth/login", json(Map.of("email", "user_4567@gmail.com", "password", "TestPass123")), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("user_id").asText()).isEqualTo("user_4567");
        assertThat(r.json().path("business_id").asText()).isEqualTo("biz_567");
        assertThat(r.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.header("Set-Cookie")).startsWith("carga_session=").contains("HttpOnly");
    }

    @Test
    void wrongPasswordAndUnknownAccountAreBoth401() {
        assertThat(post("/auth/login", json(Map.of("email", "user_4567@gmail.com", "password", "nope")), null).status()).isEqualTo(401);
        Res r = post("/auth/login", json(Map.of("email", "nobody@gmail.com", "password", "TestPass123")), null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("invalid_credentials");
    }

    @Test
    void validationErrorsNameTheField() {
        Res missing = post("/auth/login", json(Map.of("email", "user_1000@gmail.com")), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("field").asText()).isEqualTo("password");
        Res badEmail = post("/auth/login", json(Map.of("email", "not-an-email", "password", "x")), null);
        assertThat(badEmail.json().path("error").path("field").asText()).isEqualTo("email");
        Res wrongType = post("/auth/login", "{\"email\": 5, \"password\": \"x\"}", null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("error").path("field").asText()).isEqualTo("email");
    }

    @Test
    void malformedJsonIs400AndNonJsonContentTypeIs415() {
        Res bad = post("/auth/login", "{\"email\":", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("malformed_json");
        Res form = send(HttpRequest.newBuilder(URI.create(url("/auth/login"))).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=x")));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().path("error").path("field").asText()).isEqualTo("Content-Type");
        Res array = post("/auth/login", "[1,2]", null);
        assertThat(array.status()).isEqualTo(400);
    }

    @Test
    void apiNeedsAToken() {
        String body = json(Map.of("prompt", "Olá"));
        Res none = post("/api/v1/ai/generate", body, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(post("/api/v1/ai/generate", body, "garbage.token.here").status()).isEqualTo(401);
        String token = login(1234);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(post("/api/v1/ai/generate", body, tampered).status()).isEqualTo(401);
        assertThat(post("/api/v1/ai/generate", body, token).status()).isEqualTo(200);
    }

    @Test
    void sessionCookieAuthenticatesLikeLocustsClient() {
        String token = login(2345);
        Res r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/ai/generate"))).header("Content-Type", "application/json")
                .header("Cookie", "other=1; carga_session=" + token).POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Oi\"}")));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void unknownRouteIsJson404AndWrongMethodIs405() {
        Res r = get("/api/v1/nothing-here", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("not_found");
        Res m = get("/auth/login", null);
        assertThat(m.status()).isEqualTo(405);
        assertThat(m.header("Allow")).isEqualTo("POST");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"prompt\":\"" + "a".repeat((int) PlatformConfig.DEFAULT_MAX_BODY_BYTES) + "\"}";
        Res r = post("/api/v1/ai/generate", big, login(3456));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void healthReportsTheDatabase() {
        Res r = get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("database").asText()).isEqualTo("up");
    }
}
