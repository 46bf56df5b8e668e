package io.carga.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestHeadTest {

    private static HttpRequest post(String url, String json, String... header) {
        HttpRequest.Builder b = HttpRequest.builder(Method.POST, url);
        for (int i = 0; i < header.length; i += 2) {
            b.header(header[i], header[i + 1]);
        }
        return b.body(new RequestBody(json.getBytes(StandardCharsets.UTF_8), "application/json")).build();
    }

    @Test
    void anIdenticalRequestReusesTheEarlierEncodedHead() {
        HttpRequest first = post("http://127.0.0.1:8080/json", "{\"a\":1}", "X-Tier", "api");
        byte[] head = first.head(false);
        HttpRequest again = post("http://127.0.0.1:8080/json", "{\"a\":2}", "X-Tier", "api");

        again.reuseHeadsOf(first.memo());

        assertThat(again.head(false)).isSameAs(head);
    }

    @Test
    void anyDifferenceInTheHeadGetsItsOwnEncoding() {
        HttpRequest first = post("http://127.0.0.1:8080/json", "{\"a\":1}", "X-Tier", "api");
        first.head(false);
        HttpRequest longer = post("http://127.0.0.1:8080/json", "{\"a\":10}", "X-Tier", "api");
        HttpRequest otherHeader = post("http://127.0.0.1:8080/json", "{\"a\":1}", "X-Tier", "web");
        HttpRequest otherPath = post("http://127.0.0.1:8080/other", "{\"a\":1}", "X-Tier", "api");

        for (HttpRequest r : new HttpRequest[] {longer, otherHeader, otherPath}) {
            r.reuseHeadsOf(first.memo());
        }

        assertThat(text(longer)).contains("Content-Length: 8\r\n");
        assertThat(text(otherHeader)).contains("X-Tier: web\r\n");
        assertThat(text(otherPath)).startsWith("POST /other HTTP/1.1\r\n");
        assertThat(text(first)).contains("Content-Length: 7\r\n", "X-Tier: api\r\n").startsWith("POST /json ");
    }

    private static String text(HttpRequest r) {
        return new String(r.head(false), StandardCharsets.ISO_8859_1);
    }
}
