package io.carga.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsAndStreamsTest {

    @TempDir
    static Path dir;
    static TestTls tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = TestTls.create(dir);
    }

    private static RawServer tlsServer() throws Exception {
        return new RawServer(tls.serverContext.getServerSocketFactory(),
                (r, sock, out) -> RawServer.respond(out, 200, "secure " + r.target()));
    }

    @Test
    void untrustedCertificateIsATlsFailure() throws Exception {
        try (RawServer s = tlsServer(); HttpClient c = HttpClient.create(); Agent a = c.newAgent()) {
            assertThatThrownBy(() -> a.send(HttpRequest.get("https://127.0.0.1:" + s.port() + "/x")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.TLS));
        }
    }

    @Test
    void trustedStagingCertificateConnectsAndTimesTheHandshake() throws Exception {
        ClientConfig cfg = ClientConfig.defaults().withTls(TlsConfig.trustCertificate(tls.certificatePem));
        try (RawServer s = tlsServer(); HttpClient c = HttpClient.create(cfg); Agent a = c.newAgent()) {
            HttpResponse first = a.send(HttpRequest.get("https://127.0.0.1:" + s.port() + "/x"));
            HttpResponse second = a.send(HttpRequest.get("https://127.0.0.1:" + s.port() + "/y"));
            assertThat(first.text()).isEqualTo("secure /x");
            assertThat(first.timings().connectNanos()).isPositive();
            assertThat(second.text()).isEqualTo("secure /y");
            assertThat(second.timings().connectNanos()).isZero();
        }
    }

    @Test
    void insecureTrustAllIsExplicit() throws Exception {
        ClientConfig cfg = ClientConfig.defaults().withTls(TlsConfig.insecureTrustAll());
        try (RawServer s = tlsServer(); HttpClient c = HttpClient.create(cfg); Agent a = c.newAgent()) {
            assertThat(a.send(HttpRequest.get("https://localhost:" + s.port() + "/z")).text()).isEqualTo("secure /z");
        }
    }

    @Test
    void tlsToAPlainServerIsATlsFailure() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> RawServer.respond(out, 400, "plain"));
             HttpClient c = HttpClient.create(); Agent a = c.newAgent()) {
            assertThatThrownBy(() -> a.send(HttpRequest.get("https://127.0.0.1:" + s.port() + "/")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.TLS));
        }
    }

    @Test
    void serverSentEventsArriveOneByOneWithTheirOwnTimestamps() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String[] events = {": keep-alive\n\n", "id: 1\ndata: first\n\n", "event: token\r\ndata: sec\r\ndata: ond\r\n\r\n",
                    "data: {\"done\":true}\n", "\n"};
            for (String e : events) {
                byte[] b = e.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(b);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(120);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }); HttpClient c = HttpClient.create(); Agent a = c.newAgent()) {
            List<SseEvent> got = new ArrayList<>();
            List<Long> seenAt = new ArrayList<>();
            HttpResponse r = a.send(HttpRequest.get(s.url("/sse")), new SseDecoder(e -> {
                got.add(e);
                seenAt.add(System.nanoTime());
                return true;
            }));
            assertThat(r.status()).isEqualTo(200);
            assertThat(got).extracting(SseEvent::data).containsExactly("first", "sec\nond", "{\"done\":true}");
            assertThat(got).extracting(SseEvent::event).containsExactly("message", "token", "message");
            assertThat(got.get(0).id()).isEqualTo("1");
            // Timestamps come from the socket reads: each event's is its own, ~120 ms apart, before the stream ends.
            long gap1 = got.get(1).arrivalNanos() - got.get(0).arrivalNanos();
            assertThat(gap1).isBetween(Duration.ofMillis(100).toNanos(), Duration.ofMillis(400).toNanos());
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).arrivalNanos()).isLessThanOrEqualTo(seenAt.get(i));
                assertThat(got.get(i).arrivalNanos()).isGreaterThan(r.timings().startNanos());
            }
            assertThat(got.get(0).arrivalNanos()).isLessThan(r.timings().endNanos() - Duration.ofMillis(300).toNanos());
            // The last event's data line and its blank line came in two reads: first byte before completion.
            assertThat(got.get(2).arrivalNanos() - got.get(2).firstNanos()).isGreaterThan(Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void listenerCanStopTheStream() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 50; i++) {
                out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
        }); HttpClient c = HttpClient.create(); Agent a = c.newAgent()) {
            List<String> got = new ArrayList<>();
            long t0 = System.nanoTime();
            a.send(HttpRequest.get(s.url("/sse")), new SseDecoder(e -> {
                got.add(e.data());
                return got.size() < 3;
            }));
            assertThat(got).containsExactly("0", "1", "2");
            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofMillis(600).toNanos());
        }
    }

    @Test
    void multipartBodyParsesOnARealServer() throws Exception {
        Map<String, Object> parsed = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/upload", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            try {
                MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(body, ex.getRequestHeaders().getFirst("Content-Type")));
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart p = mp.getBodyPart(i);
                    String disposition = p.getHeader("Content-Disposition")[0];
                    parsed.put("part" + i, disposition);
                    parsed.put("type" + i, p.getContentType());
                    parsed.put("file" + i, String.valueOf(p.getFileName()));
                    parsed.put("bytes" + i, p.getInputStream().readAllBytes());
                }
                ex.sendResponseHeaders(201, -1);
            } catch (Exception e) {
                byte[] msg = e.toString().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(500, msg.length);
                ex.getResponseBody().write(msg);
            }
            ex.close();
        });
        server.start();
        try (HttpClient c = HttpClient.create(); Agent a = c.newAgent()) {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, (byte) 0xff};
            RequestBody body = Multipart.builder()
                    .field("kind", "logo")
                    .file("file", "test_logo.png", "image/png", png)
                    .build();
            HttpResponse r = a.send(HttpRequest.builder(Method.POST,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/upload").body(body).build());
            assertThat(r.status()).isEqualTo(201);
            assertThat((String) parsed.get("part0")).contains("name=\"kind\"");
            assertThat(new String((byte[]) parsed.get("bytes0"), StandardCharsets.UTF_8)).isEqualTo("logo");
            assertThat((String) parsed.get("part1")).contains("name=\"file\"").contains("filename=\"test_logo.png\"");
            assertThat(parsed.get("file1")).isEqualTo("test_logo.png");
            assertThat(parsed.get("type1")).isEqualTo("image/png");
            assertThat((byte[]) parsed.get("bytes1")).containsExactly(png);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void connectionPlanFallsBackToASharedPoolWhenUsersOutnumberSockets() {
        ConnectionPlan small = ConnectionPlan.forUsers(10_000, Pooling.perUser(), 20_000);
        assertThat(small.pooling()).isEqualTo(Pooling.perUser());
        assertThat(small.notice()).isNull();

        ConnectionPlan big = ConnectionPlan.forUsers(100_000, Pooling.perUser(), 20_000);
        assertThat(big.pooling()).isEqualTo(Pooling.shared(19_000));
        assertThat(big.notice()).contains("100000 users").contains("open-files limit is 20000").contains("19000");

        ConnectionPlan tooBigPool = ConnectionPlan.forUsers(5, Pooling.shared(50_000), 20_000);
        assertThat(tooBigPool.pooling()).isEqualTo(Pooling.shared(19_000));
        assertThat(ConnectionPlan.processOpenFileLimit()).isPositive();
    }
}
