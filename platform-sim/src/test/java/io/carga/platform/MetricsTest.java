package io.carga.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class MetricsTest {

    @Test
    void prometheusTextHasRouteDurationsProcessingTimePoolAndLlmMetrics() {
        String token = login(9876);
        post("/api/v1/departments/marketing/generate", json(Map.of("business_type", "padaria")), token);
        Res r = get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body())
                .contains("http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/departments/marketing/generate\",status=\"200\"")
                .contains("platform_processing_seconds_bucket{route=\"/auth/login\"")
                .contains("db_pool_active_connections")
                .contains("database_query_duration_seconds_count{operation=\"insert_generation\"}")
                .contains("llm_requests_total{model=\"gemini-2.5-flash\",outcome=\"ok\"}")
                .contains("llm_tokens_total{kind=\"output\",model=\"gemini-2.5-flash\"}")
                .contains("llm_cost_total{model=\"gemini-2.5-flash\"}");
    }
}
