package io.carga.observe.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.observe.RealPrometheus;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus with native histograms on scrapes the live server, and receives them as native. */
@Timeout(60)
class NativeHistogramScrapeTest {
    @TempDir
    Path dir;

    @Test
    void nativeHistogramsReachAPrometheusThatTakesThem() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram h = Histogram.builder().name("carga_request_duration_seconds").labelNames("request", "tier")
                .classicUpperBounds(0.1, 0.5, 1).register(registry);
        for (int i = 1; i <= 100; i++) {
            h.labelValues("GET /ping", "").observe(i / 1000.0);
        }
        try (LiveServer server = LiveServer.start(Listen.anyLoopbackPort(Duration.ZERO), registry);
             RealPrometheus prom = RealPrometheus.start(dir, """
                     global: {scrape_interval: 1s}
                     scrape_configs:
                       - job_name: carga
                         static_configs: [{targets: ['127.0.0.1:%d']}]
                     """.formatted(server.port()), "--enable-feature=native-histograms")) {
            // histogram_count() only sees native histograms: a classic-only scrape gives it nothing
            JsonNode r = prom.await("histogram_count(carga_request_duration_seconds{job=\"carga\"})", Duration.ofSeconds(20));
            assertThat(r.get(0).at("/value/1").asDouble()).isEqualTo(100);
            JsonNode p50 = prom.await("histogram_quantile(0.5, carga_request_duration_seconds{job=\"carga\"})", Duration.ofSeconds(5));
            assertThat(p50.get(0).at("/value/1").asDouble()).as("native buckets are ~2 % wide").isBetween(0.045, 0.055);
        }
    }
}
