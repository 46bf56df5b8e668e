package io.carga.shadow;

import static io.carga.shadow.ShadowDiffTest.endpoint;
import static io.carga.shadow.ShadowDiffTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.shadow.proxy.CapturedRequest;
import io.carga.shadow.proxy.PrimaryListener;
import io.carga.shadow.replay.Recording;
import io.carga.shadow.sample.Sampler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline shadowing from a GoReplay file and from a combined-format access log. */
class ReplayTest {
    static final String SEP = "\n\uD83D\uDC35\uD83D\uDE48\uD83D\uDE49\n";

    @Test
    void aGoReplayFileIsReplayedToPrimaryAndCandidate(@TempDir Path dir) throws Exception {
        Path gor = dir.resolve("requests.gor");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append("1 ").append("a1b2c3").append(i).append(" 1700000000000000000 0\n")
                    .append("GET /api/v1/business/biz_").append(i).append(" HTTP/1.1\r\nHost: example\r\nX-Business-Id: biz_").append(i).append("\r\n\r\n")
                    .append(SEP);
            sb.append("2 a1b2c3").append(i).append(" 1700000000000100000 100000\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}").append(SEP);
        }
        sb.append("1 ffff 1700000000000000000 0\nPOST /api/v1/notes HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"text\":\"oi\"}").append(SEP);
        Files.writeString(gor, sb.toString(), StandardCharsets.UTF_8);

        List<CapturedRequest> requests = Recording.read(gor);
        assertThat(requests).hasSize(7);
        assertThat(requests.get(6).method()).isEqualTo("POST");
        assertThat(new String(requests.get(6).body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"oi\"}");
        assertThat(requests.get(0).header("X-Business-Id")).isEqualTo("biz_0");

        try (Backend primary = Backend.primary(0); Backend candidate = Backend.candidate(0, "free", 0)) {
            ShadowOptions o = options(primary, candidate, "POST");
            AtomicInteger answered = new AtomicInteger();
            JsonNode json;
            try (ShadowRun run = ShadowRun.replay(o, requests, 2, (e, s, t, st, i, b, err) -> answered.incrementAndGet(), () -> false)) {
                json = run.finish(Duration.ofSeconds(5));
            }
            assertThat(answered).hasValue(7);
            assertThat(json.path("source").asText()).isEqualTo("replay");
            JsonNode business = endpoint(json, "GET /api/v1/business/{id}");
            assertThat(business.path("mirrored").asLong()).isEqualTo(6);
            assertThat(strings(business.path("diff_fields"))).contains("$.plan");
            assertThat(endpoint(json, "POST /api/v1/notes").path("diffs").asLong()).isZero();
            assertThat(candidate.bodies).containsExactly("{\"text\":\"oi\"}");
        }
    }

    @Test
    void aCombinedAccessLogWithBodiesIsReplayed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, String.join("\n",
                "# nginx, log_format combined + \"$request_body\"",
                "127.0.0.1 - - [07/Dec/2026:09:00:00 -0300] \"GET /api/v1/business/biz_1 HTTP/1.1\" 200 64 \"-\" \"curl/8.0\"",
                "127.0.0.1 - - [07/Dec/2026:09:00:01 -0300] \"GET /api/v1/business/biz_2/generations HTTP/1.1\" 200 99 \"https://app/\" \"Mozilla/5.0\" \"-\"",
                "127.0.0.1 - - [07/Dec/2026:09:00:02 -0300] \"POST /api/v1/notes HTTP/1.1\" 200 12 \"-\" \"curl/8.0\" \"{\\x22text\\x22:\\x22ol\\xC3\\xA1\\x22}\"",
                ""), StandardCharsets.UTF_8);
        List<CapturedRequest> requests = Recording.read(log);
        assertThat(requests).extracting(CapturedRequest::target)
                .containsExactly("/api/v1/business/biz_1", "/api/v1/business/biz_2/generations", "/api/v1/notes");
        assertThat(requests.get(1).header("Referer")).isEqualTo("https://app/");
        assertThat(requests.get(2).body()).isEqualTo("{\"text\":\"olá\"}".getBytes(StandardCharsets.UTF_8));

        try (Backend primary = Backend.primary(0); Backend candidate = Backend.candidate(0, "pro", 0)) {
            JsonNode json;
            try (ShadowRun run = ShadowRun.replay(options(primary, candidate, "POST"), requests, 1, PrimaryListener.NONE, () -> false)) {
                json = run.finish(Duration.ofSeconds(5));
            }
            assertThat(json.path("totals").path("mirrored").asLong()).isEqualTo(3);
            assertThat(candidate.bodies).containsExactly("{\"text\":\"olá\"}");
        }
    }

    @Test
    void aMalformedLogLineIsNamed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("bad.log");
        Files.writeString(log, "127.0.0.1 - - [07/Dec/2026:09:00:00 -0300] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\nnot a log line\n");
        assertThatThrownBy(() -> Recording.read(log)).hasMessageContaining("bad.log:2");
    }

    private static ShadowOptions options(Backend primary, Backend candidate, String methods) {
        ShadowOptions d = ShadowOptions.defaults(null, primary.uri(), candidate.uri(), null);
        return new ShadowOptions(null, d.primary(), d.candidate(), null, 1.0, null, Sampler.methods(methods), List.of(), d.ignore(), List.of(),
                d.queue(), d.concurrency(), d.mirrorTimeout(), d.quality());
    }
}
