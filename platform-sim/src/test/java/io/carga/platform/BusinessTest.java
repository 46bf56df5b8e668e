package io.carga.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class BusinessTest {

    @Test
    void setupWithTheSpecPayloadCreatesABusiness() throws Exception {
        String token = login(1111);
        Res r = post("/api/v1/business/setup", json(Map.of("business_name", "Empresa Test 42", "business_type", "restaurant",
                "location", "São Paulo, SP", "template", "restaurant_basic")), token);
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().path("business_id").asText();
        assertThat(id).startsWith("biz_");
        assertThat(r.json().path("business_type").asText()).isEqualTo("restaurante");
        assertThat(count("SELECT count(*) FROM businesses WHERE id = " + id.substring(4) + " AND owner_user_id = 1111")).isEqualTo(1);
    }

    @Test
    void setupValidation() {
        String token = login(1112);
        Res loc = post("/api/v1/business/setup", json(Map.of("business_name", "X Ltda", "business_type", "padaria", "location", "Brasil")), token);
        assertThat(loc.status()).isEqualTo(400);
        assertThat(loc.json().path("error").path("field").asText()).isEqualTo("location");
        Res tpl = post("/api/v1/business/setup", json(Map.of("business_name", "X Ltda", "business_type", "padaria",
                "location", "Recife, PE", "template", "spaceship")), token);
        assertThat(tpl.json().path("error").path("field").asText()).isEqualTo("template");
        Res name = post("/api/v1/business/setup", json(Map.of("business_type", "padaria", "location", "Recife, PE")), token);
        assertThat(name.json().path("error").path("field").asText()).isEqualTo("business_name");
    }

    @Test
    void aCallerSeesOnlyTheirOwnBusiness() {
        String token = login(4321); // business 321
        Res own = get("/api/v1/business/biz_321", token);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("users").size()).isGreaterThanOrEqualTo(10);
        Res other = get("/api/v1/business/biz_322", token);
        assertThat(other.status()).isEqualTo(403);
        assertThat(get("/api/v1/business/biz_322/generations", token).status()).isEqualTo(403);
        Res history = get("/api/v1/business/321/generations", token);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("generations").size()).isBetween(1, 50);
    }
}
