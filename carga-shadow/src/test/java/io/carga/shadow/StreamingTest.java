package io.carga.shadow;

import static io.carga.shadow.ShadowDiffTest.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.carga.shadow.proxy.PrimaryListener;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Server-sent events pass through the proxy as the primary sends them, not when it has finished. */
class StreamingTest {

    @Test
    void eventsReachTheClientAsThePrimarySendsThem() throws Exception {
        try (Backend primary = Backend.primary(0); Backend candidate = Backend.candidate(0, "pro", 0)) {
            ShadowOptions o = ShadowOptions.defaults(new InetSocketAddress("127.0.0.1", 0), primary.uri(), candidate.uri(), null).withShare(1.0);
            try (ShadowRun run = ShadowRun.proxy(o, PrimaryListener.NONE)) {
                HttpClient client = HttpClient.newHttpClient();
                long t0 = System.nanoTime();
                HttpResponse<InputStream> res = client.send(HttpRequest.newBuilder(proxy(run).resolve("/events")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(res.headers().firstValue("Content-Type")).hasValue("text/event-stream");
                try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                    assertThat(in.readLine()).isEqualTo("data: event 1");
                    long first = System.nanoTime() - t0;
                    StringBuilder rest = new StringBuilder();
                    String line;
                    while ((line = in.readLine()) != null) {
                        rest.append(line).append('\n');
                    }
                    long all = System.nanoTime() - t0;
                    // the primary sends an event every 200 ms: the first must not wait for the last (held back, both would
                    // come at once); measured from the first event, so a slow first request on a busy box does not count
                    assertThat(all - first).isGreaterThan(Duration.ofMillis(300).toNanos());
                    assertThat(rest.toString()).contains("data: event 2", "data: event 3");
                }
                var json = run.finish(Duration.ofSeconds(5));
                var e = ShadowDiffTest.endpoint(json, "GET /events");
                assertThat(e.path("mirrored").asLong()).isEqualTo(1);
                assertThat(e.path("diffs").asLong()).isZero();
            }
        }
    }
}
