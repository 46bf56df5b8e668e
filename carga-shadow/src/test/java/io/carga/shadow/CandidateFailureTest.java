package io.carga.shadow;

import static io.carga.shadow.ShadowDiffTest.BUSINESS;
import static io.carga.shadow.ShadowDiffTest.endpoint;
import static io.carga.shadow.ShadowDiffTest.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.shadow.proxy.PrimaryListener;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dead or slow candidate costs the client nothing: every request is answered by the primary, and drops are counted. */
class CandidateFailureTest {

    @Test
    void candidateStoppedMidRunEveryClientRequestSucceedsAndTheDropsAreCounted() throws Exception {
        try (Backend primary = Backend.primary(0); Backend candidate = Backend.candidate(0, "pro", 0)) {
            ShadowOptions o = ShadowOptions.defaults(new InetSocketAddress("127.0.0.1", 0), primary.uri(), candidate.uri(), null)
                    .withShare(1.0).withMirrorLimits(1000, 4, Duration.ofSeconds(2));
            List<Clients.Reply> replies = new ArrayList<>();
            JsonNode json;
            try (ShadowRun run = ShadowRun.proxy(o, PrimaryListener.NONE)) {
                replies.addAll(Clients.send(proxy(run), 100, 4, Duration.ofSeconds(20), i -> Clients.get(proxy(run), "/api/v1/business/biz_" + i)));
                Thread.sleep(300); // the first half's mirrors reach the candidate before it goes
                candidate.stop();
                replies.addAll(Clients.send(proxy(run), 100, 4, Duration.ofSeconds(20), i -> Clients.get(proxy(run), "/api/v1/business/biz_" + i)));
                json = run.finish(Duration.ofSeconds(10));
            }
            assertThat(replies).hasSize(200).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).contains("\"plan\":\"pro\"");
            });
            JsonNode e = endpoint(json, BUSINESS);
            assertThat(e.path("requests").asLong()).isEqualTo(200);
            // the second half's mirrors fail (a mirror in flight as the candidate went may still be answered)
            assertThat(e.path("dropped").asLong()).isGreaterThanOrEqualTo(95);
            assertThat(e.path("candidate_errors").asLong()).isGreaterThanOrEqualTo(95);
            assertThat(e.path("mirrored").asLong() + e.path("dropped").asLong()).isEqualTo(200);
            assertThat(json.path("totals").path("dropped").asLong()).isEqualTo(e.path("dropped").asLong());
        }
    }

    @Test
    void aStallingCandidateFillsTheQueueAndMirrorsAreDroppedWhileClientsStayFast() throws Exception {
        try (Backend primary = Backend.primary(0); Backend candidate = Backend.stalling(1500)) {
            ShadowOptions o = ShadowOptions.defaults(new InetSocketAddress("127.0.0.1", 0), primary.uri(), candidate.uri(), null)
                    .withShare(1.0).withMirrorLimits(5, 2, Duration.ofSeconds(5));
            List<Clients.Reply> replies;
            JsonNode json;
            try (ShadowRun run = ShadowRun.proxy(o, PrimaryListener.NONE)) {
                replies = Clients.send(proxy(run), 100, 4, Duration.ofSeconds(20), i -> Clients.get(proxy(run), "/api/v1/business/biz_" + i));
                json = run.finish(Duration.ZERO);
            }
            assertThat(replies).hasSize(100).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            // the candidate takes 1.5 s an answer; the clients never wait for it
            long slowest = replies.stream().mapToLong(Clients.Reply::nanos).max().orElseThrow();
            assertThat(slowest).isLessThan(Duration.ofMillis(1000).toNanos());
            JsonNode e = endpoint(json, BUSINESS);
            assertThat(e.path("dropped").asLong()).isGreaterThanOrEqualTo(100 - 2 - 5);
            assertThat(e.path("mirrored").asLong()).isLessThanOrEqualTo(7);
        }
    }
}
