package io.carga.observe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The real server on loopback, asked by a real HTTP client. */
class LiveServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final PrometheusRegistry registry = new PrometheusRegistry();

    LiveServerTest() {
        Counter.builder().name("carga_test_total").help("a counter").register(registry).inc(3);
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheTextFormatAndProtobufWhenAsked() throws Exception {
        try (LiveServer s = LiveServer.start(Listen.anyLoopbackPort(Duration.ZERO), registry)) {
            HttpResponse<String> text = get(s.metricsUrl());
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.body()).contains("carga_test_total 3.0");
            HttpResponse<String> pb = get(s.metricsUrl(), "Accept",
                    "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");
            assertThat(pb.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.google.protobuf");
        }
    }

    @Test
    void everyRequestMustCarryTheTokenWhenOneIsSet() throws Exception {
        try (LiveServer s = LiveServer.start(new Listen("127.0.0.1", 0, "s3cret", Duration.ZERO), registry)) {
            assertThat(get(s.metricsUrl()).statusCode()).isEqualTo(401);
            assertThat(get(s.metricsUrl(), "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(get(s.baseUrl() + "/-/healthy").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = get(s.metricsUrl(), "Authorization", "Bearer s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("carga_test_total");
        }
    }

    @Test
    void aPortInUseIsOneLineForTheUser() {
        try (LiveServer s = LiveServer.start(Listen.anyLoopbackPort(Duration.ZERO), registry)) {
            assertThatThrownBy(() -> LiveServer.start(new Listen("127.0.0.1", s.port(), null, Duration.ZERO), registry))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--listen 127.0.0.1:" + s.port());
        }
    }
}
