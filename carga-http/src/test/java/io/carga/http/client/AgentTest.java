package io.carga.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentTest {

    private HttpClient client;
    private Agent agent;

    @BeforeEach
    void setUp() {
        client = HttpClient.create(ClientConfig.defaults().withConnectTimeout(Duration.ofSeconds(2))
                .withResponseTimeout(Duration.ofSeconds(5)));
        agent = client.newAgent();
    }

    @AfterEach
    void tearDown() {
        agent.close();
        client.close();
    }

    @Test
    void keepAliveConnectionIsReusedWithZeroConnectTime() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> RawServer.respond(out, 200, "hello " + r.target()))) {
            HttpResponse first = agent.send(HttpRequest.get(s.url("/a?x=1")));
            HttpResponse second = agent.send(HttpRequest.get(s.url("/b")));

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("hello /a?x=1");
            assertThat(second.text()).isEqualTo("hello /b");
            assertThat(first.timings().reused()).isFalse();
            assertThat(first.timings().connectNanos()).isPositive();
            assertThat(second.timings().reused()).isTrue();
            assertThat(second.timings().connectNanos()).isZero();
            assertThat(second.timings().ttfbNanos()).isPositive();
            assertThat(second.timings().totalNanos()).isGreaterThanOrEqualTo(second.timings().ttfbNanos());
            assertThat(second.timings().bytesReceived()).isGreaterThan(8);
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void sendsEveryMethodWithBodiesAndHeaders() throws Exception {
        List<RawServer.Request> seen = new ArrayList<>();
        try (RawServer s = new RawServer((r, sock, out) -> {
            synchronized (seen) {
                seen.add(r);
            }
            RawServer.respond(out, 200, r.method());
        })) {
            for (Method m : List.of(Method.GET, Method.POST, Method.PUT, Method.PATCH, Method.DELETE, Method.HEAD)) {
                HttpRequest.Builder b = HttpRequest.builder(m, s.url("/m")).header("X-Test", "yes").query("q", "a b&c");
                if (m == Method.POST) {
                    b.body(RequestBody.json("{\"a\":1}"));
                } else if (m == Method.PUT) {
                    b.body(RequestBody.form(Map.of("name", "açaí")));
                } else if (m == Method.PATCH) {
                    b.body(RequestBody.bytes(new byte[] {1, 2, 3}, "application/octet-stream"));
                }
                HttpResponse r = agent.send(b.build());
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo(m == Method.HEAD ? "" : m.name());
            }
        }
        assertThat(seen).extracting(RawServer.Request::method).containsExactly("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
        assertThat(seen.get(0).target()).isEqualTo("/m?q=a+b%26c");
        assertThat(seen.get(0).header("x-test")).isEqualTo("yes");
        assertThat(seen.get(0).header("accept-encoding")).isEqualTo("gzip");
        assertThat(seen.get(1).header("content-type")).isEqualTo("application/json");
        assertThat(seen.get(1).bodyText()).isEqualTo("{\"a\":1}");
        assertThat(seen.get(2).bodyText()).isEqualTo("name=a%C3%A7a%C3%AD");
        assertThat(seen.get(2).header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(seen.get(3).body()).containsExactly(1, 2, 3);
    }

    @Test
    void readsChunkedAndCloseDelimitedBodiesAndInflatesGzip() throws Exception {
        byte[] gz = gzip("inflated text");
        try (RawServer s = new RawServer((r, sock, out) -> {
            switch (r.target()) {
                case "/chunked" -> {
                    out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                case "/close" -> {
                    out.write("HTTP/1.0 200 OK\r\n\r\nuntil the end".getBytes(StandardCharsets.ISO_8859_1));
                    sock.close();
                }
                case "/gzip" -> RawServer.respond(out, 200, "text/plain", gz, "Content-Encoding: gzip");
                default -> RawServer.respond(out, 204, "");
            }
        })) {
            assertThat(agent.send(HttpRequest.get(s.url("/chunked"))).text()).isEqualTo("hello, world");
            assertThat(agent.send(HttpRequest.get(s.url("/close"))).text()).isEqualTo("until the end");
            assertThat(agent.send(HttpRequest.get(s.url("/gzip"))).text()).isEqualTo("inflated text");
            assertThat(agent.send(HttpRequest.get(s.url("/none"))).status()).isEqualTo(204);
        }
    }

    @Test
    void followsRedirectsOrNotAsAsked() throws Exception {
        List<String> seen = new ArrayList<>();
        try (RawServer s = new RawServer((r, sock, out) -> {
            synchronized (seen) {
                seen.add(r.method() + " " + r.target());
            }
            switch (r.target()) {
                case "/old" -> RawServer.respond(out, 301, "moved", "Location: /new");
                case "/form" -> RawServer.respond(out, 303, "see other", "Location: /done");
                default -> RawServer.respond(out, 200, "at " + r.target());
            }
        })) {
            HttpResponse followed = agent.send(HttpRequest.get(s.url("/old")));
            assertThat(followed.status()).isEqualTo(200);
            assertThat(followed.text()).isEqualTo("at /new");
            assertThat(followed.uri().getPath()).isEqualTo("/new");
            assertThat(followed.timings().redirects()).isEqualTo(1);

            HttpResponse notFollowed = agent.send(HttpRequest.builder(Method.GET, s.url("/old")).followRedirects(false).build());
            assertThat(notFollowed.status()).isEqualTo(301);
            assertThat(notFollowed.header("location")).isEqualTo("/new");

            HttpResponse seeOther = agent.send(HttpRequest.builder(Method.POST, s.url("/form")).body(RequestBody.json("{}")).build());
            assertThat(seeOther.text()).isEqualTo("at /done");
        }
        assertThat(seen).containsExactly("GET /old", "GET /new", "GET /old", "POST /form", "GET /done");
    }

    @Test
    void cookiesAreStoredAndSentBack() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            if (r.target().equals("/login")) {
                RawServer.respond(out, 200, "ok", "Set-Cookie: sid=abc123; Path=/; HttpOnly", "Set-Cookie: theme=dark");
            } else {
                RawServer.respond(out, 200, String.valueOf(r.header("cookie")));
            }
        })) {
            agent.send(HttpRequest.get(s.url("/login")));
            assertThat(agent.cookies().value("sid")).isEqualTo("abc123");
            assertThat(agent.send(HttpRequest.get(s.url("/me"))).text()).isEqualTo("sid=abc123; theme=dark");
        }
    }

    @Test
    void staleKeepAliveConnectionIsRetriedOnceOnAFreshOne() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            RawServer.respond(out, 200, "served");
            sock.close(); // closes without saying Connection: close, as an idle timeout does
        })) {
            assertThat(agent.send(HttpRequest.get(s.url("/1"))).text()).isEqualTo("served");
            Thread.sleep(50);
            HttpResponse again = agent.send(HttpRequest.get(s.url("/2")));
            assertThat(again.text()).isEqualTo("served");
            assertThat(again.timings().reused()).isFalse();
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void streamsBodyBytesWithArrivalTimes() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 3; i++) {
                out.write(("1\r\n" + i + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(100);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        })) {
            List<long[]> chunks = new ArrayList<>();
            HttpResponse r = agent.send(HttpRequest.get(s.url("/s")), (buf, off, len, t) -> {
                chunks.add(new long[] {buf[off], t});
                return true;
            });
            assertThat(r.body()).isEmpty();
            assertThat(chunks).extracting(c -> (char) c[0]).containsExactly('0', '1', '2');
            assertThat(chunks.get(1)[1] - chunks.get(0)[1]).isGreaterThan(Duration.ofMillis(80).toNanos());
            assertThat(chunks.get(2)[1] - chunks.get(1)[1]).isGreaterThan(Duration.ofMillis(80).toNanos());
            assertThat(chunks.get(0)[1]).isLessThan(r.timings().endNanos() - Duration.ofMillis(150).toNanos());
        }
    }

    @Test
    void sharedPoolBoundsConnections() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            Thread.sleep(5);
            RawServer.respond(out, 200, "ok");
        });
             HttpClient pooled = HttpClient.create(ClientConfig.defaults().withPooling(Pooling.shared(3)))) {
            List<Thread> users = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < 20; i++) {
                users.add(Thread.ofVirtual().start(() -> {
                    try (Agent a = pooled.newAgent()) {
                        for (int k = 0; k < 5; k++) {
                            if (a.send(HttpRequest.get(s.url("/p"))).status() == 200) {
                                ok.incrementAndGet();
                            }
                        }
                    } catch (HttpFailure e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (Thread t : users) {
                t.join();
            }
            assertThat(ok.get()).isEqualTo(100);
            assertThat(s.connections.get()).isLessThanOrEqualTo(3);
            assertThat(pooled.pooledConnections()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void refusedWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        assertThatThrownBy(() -> agent.send(HttpRequest.get("http://127.0.0.1:" + port + "/")))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.REFUSED));
    }

    @Test
    void resetWhenTheServerResetsOrClosesMidBody() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            if (r.target().equals("/rst")) {
                RawServer.reset(sock);
            } else {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                sock.close();
            }
        })) {
            assertThatThrownBy(() -> agent.send(HttpRequest.get(s.url("/rst"))))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.RESET));
            assertThatThrownBy(() -> agent.send(HttpRequest.get(s.url("/short"))))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(FailureKind.RESET);
                        assertThat(f.getMessage()).contains("91 of 100 body bytes missing");
                    });
        }
    }

    @Test
    void readTimeoutWhenTheServerStalls() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> Thread.sleep(5_000))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> agent.send(HttpRequest.builder(Method.GET, s.url("/stall"))
                    .timeout(Duration.ofMillis(300)).build()))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(FailureKind.READ_TIMEOUT);
                        assertThat(f.elapsedNanos()).isBetween(Duration.ofMillis(290).toNanos(), Duration.ofMillis(600).toNanos());
                    });
            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(2).toNanos());
        }
    }

    @Test
    void connectTimeoutWhenTheBacklogIsFull() throws Exception {
        // A listening socket that never accepts: once its accept queue is full, Linux drops further SYNs.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new ArrayList<>();
            try (HttpClient quick = HttpClient.create(ClientConfig.defaults().withConnectTimeout(Duration.ofMillis(300)))) {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket f = new java.net.Socket();
                    try {
                        f.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(f);
                    } catch (java.io.IOException e) {
                        f.close();
                        break;
                    }
                }
                try (Agent a = quick.newAgent()) {
                    assertThatThrownBy(() -> a.send(HttpRequest.get("http://127.0.0.1:" + full.getLocalPort() + "/")))
                            .isInstanceOfSatisfying(HttpFailure.class,
                                    f -> assertThat(f.kind()).isEqualTo(FailureKind.CONNECT_TIMEOUT));
                }
            } finally {
                for (java.net.Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void notHttpIsAProtocolError() throws Exception {
        try (RawServer s = new RawServer((r, sock, out) -> {
            out.write("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        })) {
            assertThatThrownBy(() -> agent.send(HttpRequest.get(s.url("/"))))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void malformedUrlsAndHeadersFailWhereTheyAreWritten() {
        assertThatThrownBy(() -> HttpRequest.get("http://exa mple.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed URL 'http://exa mple.com/'");
        assertThatThrownBy(() -> HttpRequest.get("ftp://example.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> HttpRequest.builder(Method.GET, "http://h/").header("Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed header name 'Bad Name'");
        assertThatThrownBy(() -> HttpRequest.builder(Method.GET, "http://h/").header("X", "a\r\nInjected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }

    static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
