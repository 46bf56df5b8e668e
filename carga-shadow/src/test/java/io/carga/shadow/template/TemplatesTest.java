package io.carga.shadow.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void idsAreGroupedAutomaticallyButVersionsAreKept() {
        Templates t = Templates.automatic();
        assertThat(t.endpoint("GET", "/api/v1/business/biz_7")).isEqualTo("GET /api/v1/business/{id}");
        assertThat(t.template("/api/v1/business/123/generations")).isEqualTo("/api/v1/business/{id}/generations");
        assertThat(t.template("/v1beta/models/gemini-2.5-flash:generateContent")).isEqualTo("/v1beta/models/{id}");
        assertThat(t.template("/items/3f2504e0-4f89-11d3-9a0c-0305e82c3301")).isEqualTo("/items/{id}");
        assertThat(t.template("/health")).isEqualTo("/health");
        assertThat(t.template("/")).isEqualTo("/");
    }

    @Test
    void givenPatternsComeFirst() {
        Templates t = Templates.of(List.of("/users/{name}", "/static/**"));
        assertThat(t.template("/users/maria")).isEqualTo("/users/{name}");
        assertThat(t.template("/static/css/app.css")).isEqualTo("/static/**");
        assertThat(t.template("/users/maria/orders/9")).isEqualTo("/users/maria/orders/{id}");
        assertThatThrownBy(() -> Templates.of(List.of("users"))).hasMessageContaining("starting with '/'");
    }
}
