package io.carga.platform;

import static io.carga.platform.SimFixture.get;
import static io.carga.platform.SimFixture.login;
import static io.carga.platform.SimFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.carga.platform.http.Planted;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --candidate}: the same platform on the same data, with one changed field and one slower route. */
@Timeout(120)
class CandidateModeTest {

    @Test
    void theCandidateChangesOneFieldOnOneRouteAndSlowsAnother() throws Exception {
        PlatformConfig config = PlatformSimMain.parse(new String[] {"--candidate", "--candidate-latency-ms", "80", "--port", "0"});
        assertThat(config.planted()).isEqualTo(Planted.candidate(80));
        assertThat(PlatformSimMain.parse(new String[] {"--port", "0"}).planted()).isEqualTo(Planted.NONE);
        String token = login(1);
        try (PlatformSim candidate = PlatformSim.start(sim().config().toBuilder().jdbcUrl(sim().jdbcUrl()).dbPoolSize(4).port(0)
                .planted(Planted.candidate(80)).build())) {
            HttpClient http = HttpClient.newHttpClient();
            String business = get("/api/v1/business/biz_1", token).body();
            HttpResponse<String> changed = http.send(request(candidate.baseUrl() + "/api/v1/business/biz_1", token), HttpResponse.BodyHandlers.ofString());
            assertThat(SimFixture.JSON.readTree(business).path("status").asText()).isNotEqualTo("trial");
            assertThat(SimFixture.JSON.readTree(changed.body()).path("status").asText()).isEqualTo("trial");
            assertThat(SimFixture.JSON.readTree(changed.body()).path("business_name").asText())
                    .isEqualTo(SimFixture.JSON.readTree(business).path("business_name").asText());

            long t0 = System.nanoTime();
            HttpResponse<String> slow = http.send(request(candidate.baseUrl() + "/api/v1/business/biz_1/generations", token), HttpResponse.BodyHandlers.ofString());
            long slowMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(slow.statusCode()).isEqualTo(200);
            assertThat(slowMs).isGreaterThanOrEqualTo(80);
            assertThat(slow.body()).isEqualTo(get("/api/v1/business/biz_1/generations", token).body());
        }
    }

    private static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
    }
}
