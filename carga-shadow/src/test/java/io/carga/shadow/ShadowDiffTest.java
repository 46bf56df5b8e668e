package io.carga.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.shadow.diff.Ignored;
import io.carga.shadow.proxy.PrimaryListener;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end case: a primary, a secondary running the same code, and a candidate with one changed field
 * on one endpoint and 50 ms more on another. Primary and secondary differ in a timestamp.
 */
class ShadowDiffTest {
    static final String BUSINESS = "GET /api/v1/business/{id}";
    static final String GENERATIONS = "GET /api/v1/business/{id}/generations";

    @Test
    void namesTheChangedFieldAndEndpointTheLatencyDeltaAndCallsTheTimestampNoise() throws Exception {
        try (Backend primary = Backend.primary(5); Backend secondary = Backend.primary(5);
             Backend candidate = Backend.candidate(5, "enterprise", 50)) {
            ShadowOptions o = ShadowOptions.defaults(new InetSocketAddress("127.0.0.1", 0), primary.uri(), candidate.uri(), secondary.uri())
                    .withShare(1.0);
            ObjectNode json;
            List<Clients.Reply> replies;
            try (ShadowRun run = ShadowRun.proxy(o, PrimaryListener.NONE)) {
                replies = Clients.send(proxy(run), 240, 4, Duration.ofSeconds(30), i -> Clients.get(proxy(run),
                        "/api/v1/business/biz_" + (i % 20) + (i % 2 == 0 ? "" : "/generations")));
                json = run.finish(Duration.ofSeconds(10));
            }
            assertThat(replies).hasSize(240).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(replies).allSatisfy(r -> assertThat(r.body()).doesNotContain("enterprise"));

            JsonNode business = endpoint(json, BUSINESS);
            assertThat(business.path("requests").asLong()).isEqualTo(120);
            assertThat(business.path("mirrored").asLong()).isEqualTo(120);
            assertThat(strings(business.path("diff_fields"))).containsExactly("$.plan");
            assertThat(strings(business.path("noise_fields"))).containsExactly("$.generated_at");
            assertThat(business.path("diffs").asLong()).isEqualTo(120);

            JsonNode generations = endpoint(json, GENERATIONS);
            assertThat(generations.path("mirrored").asLong()).isEqualTo(120);
            assertThat(strings(generations.path("diff_fields"))).isEmpty();
            assertThat(strings(generations.path("noise_fields"))).containsExactly("$.generated_at");
            assertThat(generations.path("diffs").asLong()).isZero();
            assertThat(generations.path("delta_ms").path("p50").asDouble()).isBetween(45.0, 55.0);
            JsonNode ci = generations.path("p99_delta_ci_ms");
            // the interval holds the planted 50 ms (a p99 is a tail: on a busy machine the interval widens)
            assertThat(ci.get(0).asDouble()).isLessThan(60.0).isLessThanOrEqualTo(ci.get(1).asDouble());
            assertThat(ci.get(1).asDouble()).isGreaterThan(40.0);
            assertThat(business.path("delta_ms").path("p50").asDouble()).isBetween(-5.0, 5.0);

            assertThat(json.path("examples")).isNotEmpty().allSatisfy(x -> {
                assertThat(x.path("endpoint").asText()).isEqualTo(BUSINESS);
                assertThat(strings(x.path("fields"))).contains("$.plan");
                assertThat(x.path("primary").path("body").asText()).contains("\"pro\"");
                assertThat(x.path("candidate").path("body").asText()).contains("\"enterprise\"");
            });
            assertThat(json.path("totals").path("dropped").asLong()).isZero();
        }
    }

    @Test
    void withoutASecondaryTheTimestampIsADiffUnlessIgnoredByHand() throws Exception {
        try (Backend primary = Backend.primary(0); Backend candidate = Backend.candidate(0, "pro", 0)) {
            for (boolean ignore : new boolean[] {false, true}) {
                ShadowOptions o = ShadowOptions.defaults(new InetSocketAddress("127.0.0.1", 0), primary.uri(), candidate.uri(), null)
                        .withShare(1.0).withIgnore(ignore ? new Ignored(List.of("$.generated_at")) : Ignored.NONE);
                ObjectNode json;
                try (ShadowRun run = ShadowRun.proxy(o, PrimaryListener.NONE)) {
                    Clients.send(proxy(run), 20, 2, Duration.ofSeconds(20), i -> Clients.get(proxy(run), "/api/v1/business/biz_" + i));
                    json = run.finish(Duration.ofSeconds(10));
                }
                JsonNode business = endpoint(json, BUSINESS);
                assertThat(business.path("mirrored").asLong()).isEqualTo(20);
                if (ignore) {
                    assertThat(strings(business.path("diff_fields"))).isEmpty();
                    assertThat(strings(business.path("noise_fields"))).containsExactly("$.generated_at");
                    assertThat(business.path("diff_rate").asDouble()).isZero();
                } else {
                    assertThat(strings(business.path("diff_fields"))).containsExactly("$.generated_at");
                    assertThat(business.path("diff_rate").asDouble()).isEqualTo(1.0);
                }
            }
        }
    }

    static URI proxy(ShadowRun run) {
        return URI.create("http://127.0.0.1:" + run.address().getPort());
    }

    static JsonNode endpoint(JsonNode json, String name) {
        for (JsonNode e : json.path("endpoints")) {
            if (e.path("endpoint").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no endpoint " + name + " in " + json.path("endpoints"));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
