package io.carga.observe.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.observe.RealPrometheus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a real Prometheus started with its remote-write receiver, then asks it what it stored. */
@Timeout(60)
class RemoteWriteTest {
    @TempDir
    Path dir;

    @Test
    void prometheusStoresWhatCargaPushes() throws Exception {
        try (RealPrometheus prom = RealPrometheus.start(dir, "global: {scrape_interval: 1s}\n", "--web.enable-remote-write-receiver")) {
            PrometheusRegistry registry = new PrometheusRegistry();
            Counter.builder().name("carga_requests").labelNames("request").register(registry).labelValues("GET /ping").inc(42);
            Histogram h = Histogram.builder().name("carga_request_duration_seconds").classicUpperBounds(0.1, 0.5)
                    .register(registry);
            h.observe(0.05);
            h.observe(0.3);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            RemoteWrite rw = new RemoteWrite(prom.base + "/api/v1/write", registry, "test:1", new PrintStream(console, true));
            long now = System.currentTimeMillis();
            rw.interval(new IntervalSnapshot(0, now - 1000, now, 1, 1, 0, List.of(), CustomInterval.EMPTY, null));
            rw.finish(null);

            assertThat(console.toString()).as("no push failed").isEmpty();
            assertThat(value(prom, "carga_requests_total{request=\"GET /ping\",job=\"carga\",instance=\"test:1\"}")).isEqualTo(42);
            assertThat(value(prom, "carga_request_duration_seconds_bucket{le=\"0.1\"}")).isEqualTo(1);
            assertThat(value(prom, "carga_request_duration_seconds_count")).isEqualTo(2);
        }
    }

    private static double value(RealPrometheus prom, String query) throws Exception {
        JsonNode result = prom.query(query);
        assertThat(result.size()).as(query + " -> " + result).isEqualTo(1);
        return result.get(0).at("/value/1").asDouble();
    }

    @Test
    void aBadUrlIsOneLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RemoteWrite("ftp://x", new PrometheusRegistry(), "i", System.out))
                .hasMessage("--remote-write ftp://x: expected an http:// or https:// URL");
    }

}
