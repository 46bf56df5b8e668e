package io.carga.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.http.client.RawServer;
import io.carga.http.client.SseEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpScenarioTest {

    /** A small API: login sets a cookie and returns a token; /me needs both; the rest misbehave on purpose. */
    static RawServer server;
    FakeContext ctx;
    TestUser user;

    static final class TestUser extends HttpUser {
        TestUser(FakeContext ctx) {
            attach(ctx);
        }

        @Override
        protected io.carga.core.api.Tasks tasks() {
            return io.carga.core.api.Tasks.builder().build();
        }

        HttpSession session() {
            return http();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new RawServer((r, sock, out) -> {
            switch (r.target().split("\\?")[0]) {
                case "/auth/login" -> {
                    boolean good = r.bodyText().contains("\"password\":\"TestPass123\"");
                    if (good) {
                        RawServer.respond(out, 200, "application/json", "{\"token\":\"tok-42\",\"user\":{\"id\":7}}"
                                .getBytes(StandardCharsets.UTF_8), "Set-Cookie: sid=s-1; Path=/");
                    } else {
                        RawServer.respond(out, 401, "application/json", "{\"error\":\"bad credentials\"}".getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/me" -> {
                    boolean authed = "Bearer tok-42".equals(r.header("authorization")) && "sid=s-1".equals(r.header("cookie"));
                    RawServer.respond(out, authed ? 200 : 403, "application/json",
                            ("{\"auth\":\"" + r.header("authorization") + "\",\"cookie\":\"" + r.header("cookie")
                                    + "\",\"tenant\":\"" + r.header("x-tenant") + "\",\"query\":\"" + r.target() + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                }
                case "/generate" -> RawServer.respond(out, 200, "application/json",
                        ("{\"content\":\"Pão quentinho!\",\"business_relevance_score\":0.82,\"echo\":" + r.bodyText() + "}")
                                .getBytes(StandardCharsets.UTF_8), "X-Model: gemini-2.5-flash");
                case "/html" -> RawServer.respond(out, 200, "text/html", "<html>not json</html>".getBytes(StandardCharsets.UTF_8));
                case "/boom" -> RawServer.respond(out, 503, "overloaded");
                case "/missing" -> RawServer.respond(out, 404, "no");
                case "/slow" -> {
                    Thread.sleep(300);
                    RawServer.respond(out, 200, "late");
                }
                case "/reset" -> RawServer.reset(sock);
                case "/stall" -> Thread.sleep(10_000);
                case "/sse" -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < 3; i++) {
                        out.write(("data: tok" + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(50);
                    }
                    sock.close();
                }
                default -> {
                    if (r.method().equals("HEAD")) {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        RawServer.respond(out, 200, "ok " + r.method() + " " + r.target());
                    }
                }
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void user() {
        ctx = new FakeContext(server.url(""), Map.of(HttpSettings.RESPONSE_TIMEOUT, "2s"));
        user = new TestUser(ctx);
    }

    @AfterEach
    void close() throws Exception {
        user.onStop();
        ctx.close();
    }

    @Test
    void loginCapturesTheTokenAndTheCookieForLaterRequests() {
        HttpSession http = user.session();
        Response login = http.post("/auth/login")
                .json(Map.of("email", "user_1234@gmail.com", "password", "TestPass123"))
                .check(Checks.status(200), Checks.jsonPath("$.token"))
                .throwOnFailure()
                .send();
        http.bearer(login.json("$.token").asText());
        http.header("X-Tenant", "padaria");

        Response me = http.get("/me").query("page", 2).check(Checks.status(200)).send();

        assertThat(me.ok()).isTrue();
        assertThat(me.json("$.auth").asText()).isEqualTo("Bearer tok-42");
        assertThat(me.json("$.cookie").asText()).isEqualTo("sid=s-1");
        assertThat(me.json("$.tenant").asText()).isEqualTo("padaria");
        assertThat(me.json("$.query").asText()).isEqualTo("/me?page=2");
        assertThat(http.cookies().value("sid")).isEqualTo("s-1");
        assertThat(ctx.events).extracting(RequestEvent::name).containsExactly("POST /auth/login", "GET /me");
        assertThat(ctx.events).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.OK);
            assertThat(e.type()).isEqualTo("http");
            assertThat(e.bytesSent()).isPositive();
            assertThat(e.bytesReceived()).isPositive();
            assertThat(e.end()).isGreaterThan(e.start());
            assertThat(e.fields()).containsKey("ttfb_ms");
        });
        assertThat(ctx.events.get(0).fields()).containsKey("connect_ms");
        assertThat(ctx.events.get(1).fields()).doesNotContainKey("connect_ms");
    }

    @Test
    void failedLoginThrowsOnlyWhenAsked() {
        HttpSession http = user.session();
        Response quiet = http.post("/auth/login").json(Map.of("password", "wrong")).send();
        assertThat(quiet.ok()).isFalse();
        assertThat(quiet.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(quiet.error()).isEqualTo("HTTP 401");

        assertThatThrownBy(() -> http.post("/auth/login").json(Map.of("password", "wrong")).throwOnFailure().send())
                .isInstanceOf(HttpCallFailed.class).hasMessageContaining("POST /auth/login failed: HTTP 401");
        assertThat(ctx.events).hasSize(2);
    }

    @Test
    void checksJudgeTheResponseAndNameTheScenarioLine() {
        HttpSession http = user.session();
        Response good = http.post("/generate").json(Map.of("business_type", "padaria"))
                .check(Checks.status(200),
                        Checks.jsonPath("$.content"),
                        Checks.jsonPath("$.echo.business_type", "padaria"),
                        Checks.jsonPath("$.business_relevance_score", ">= 0.7", n -> n.asDouble() >= 0.7),
                        Checks.bodyContains("quentinho"),
                        Checks.header("X-Model", "gemini-2.5-flash"),
                        Checks.maxSize(1_000),
                        Checks.maxTime(Duration.ofSeconds(2)))
                .send();
        assertThat(good.ok()).as(good.error()).isTrue();

        Response missing = http.post("/generate").json(Map.of()).check(Checks.jsonPath("$.choices[0].text")).send();
        assertThat(missing.outcome()).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(missing.error()).startsWith("JSON path $.choices[0].text not found in the response")
                .contains("(at HttpScenarioTest.java:");
        assertThat(ctx.last().outcome()).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(ctx.last().error()).isEqualTo(missing.error());

        Response wrong = http.post("/generate").json(Map.of()).check(Checks.jsonPath("$.business_relevance_score", 1)).send();
        assertThat(wrong.error()).contains("is 0.82, expected 1");

        Response small = http.post("/generate").json(Map.of()).check(Checks.maxSize(10)).send();
        assertThat(small.error()).contains("exceeds 10");

        Response slow = http.get("/slow").check(Checks.maxTime(Duration.ofMillis(100))).send();
        assertThat(slow.error()).contains("limit 100 ms");

        Response header = http.post("/generate").json(Map.of()).check(Checks.header("X-Cache")).send();
        assertThat(header.error()).contains("header X-Cache missing");

        Response custom = http.post("/generate").json(Map.of())
                .check(r -> r.json("$.business_relevance_score").asDouble() >= 0.9 ? null : "relevance below 0.9").send();
        assertThat(custom.error()).startsWith("relevance below 0.9");

        Response expect404 = http.get("/missing").check(Checks.status(404)).send();
        assertThat(expect404.ok()).isTrue();

        Response wrongStatus = http.get("/other").check(Checks.status(201)).send();
        assertThat(wrongStatus.outcome()).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(wrongStatus.error()).isEqualTo("status 200, expected 201");
    }

    @Test
    void aResponseThatIsNotJsonFailsTheCheckWithTheReason() {
        Response r = user.session().get("/html").check(Checks.jsonPath("$.content")).send();
        assertThat(r.outcome()).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(r.error()).startsWith("response is not JSON (Content-Type text/html)").contains("Unexpected character");
        assertThatThrownBy(r::json).isInstanceOf(IllegalStateException.class).hasMessageContaining("GET /html: response is not JSON");
    }

    @Test
    void badInputFailsAtTheScenarioLine() {
        HttpSession http = user.session();
        assertThatThrownBy(() -> http.get("http://exa mple/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed URL")
                .satisfies(e -> assertThat(e.getStackTrace()).anySatisfy(f ->
                        assertThat(f.getClassName()).isEqualTo(HttpScenarioTest.class.getName())));
        assertThatThrownBy(() -> http.get("/x").header("Bad:Name", "v")).hasMessageContaining("malformed header name 'Bad:Name'");
        assertThatThrownBy(() -> http.header("X-Ok", "line\nbreak")).hasMessageContaining("malformed header 'X-Ok'");
        assertThatThrownBy(() -> Checks.jsonPath("$.items[0")).hasMessageContaining("malformed JSON path '$.items[0'");
        assertThatThrownBy(() -> Checks.jsonPath("$..x")).hasMessageContaining("malformed JSON path");
        assertThatThrownBy(() -> new TestUser(new FakeContext(null)).session().get("/relative"))
                .hasMessageContaining("relative URL '/relative' needs a base URL");
        assertThat(ctx.events).isEmpty();
    }

    @Test
    void everyErrorClassIsReportedWithoutThrowing() throws Exception {
        HttpSession http = user.session();
        assertThat(http.get("/boom").send().outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(http.get("/missing").send().outcome()).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(http.get("/reset").send().outcome()).isEqualTo(Outcome.RESET);
        Response stalled = http.get("/stall").timeout(Duration.ofMillis(200)).send();
        assertThat(stalled.outcome()).isEqualTo(Outcome.READ_TIMEOUT);
        assertThat(stalled.millis()).isBetween(190.0, 1_000.0);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Response refused = http.get("http://127.0.0.1:" + closedPort + "/").send();
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.error()).startsWith("connection refused");
        assertThat(refused.status()).isZero();
        assertThat(ctx.events).extracting(RequestEvent::outcome).containsExactly(Outcome.SERVER_ERROR,
                Outcome.CLIENT_ERROR, Outcome.RESET, Outcome.READ_TIMEOUT, Outcome.REFUSED);
        // the session still works after all that
        assertThat(http.get("/fine").send().ok()).isTrue();
    }

    @Test
    void namesGroupDynamicUrlsAndIntendedStartIsTaken() {
        HttpSession http = user.session();
        ctx.intendedStart = System.nanoTime() - 5_000_000;
        http.get("/api/v1/users/1").name("/api/v1/users/{id}").tag("tier", "free").send();
        http.get("/api/v1/users/2").name("/api/v1/users/{id}").send();
        RequestEvent first = ctx.events.get(0);
        assertThat(first.name()).isEqualTo("/api/v1/users/{id}");
        assertThat(first.tags().get("tier")).isEqualTo("free");
        assertThat(first.latencyNanos() - first.serviceNanos()).isGreaterThanOrEqualTo(5_000_000);
        RequestEvent second = ctx.events.get(1);
        assertThat(second.intendedStart()).isEqualTo(second.start());
    }

    @Test
    void bodiesOfEveryKind() {
        HttpSession http = user.session();
        assertThat(http.put("/put").form(Map.of("a", "1")).send().text()).isEqualTo("ok PUT /put");
        assertThat(http.patch("/patch").body(new byte[] {1}, "application/octet-stream").send().text()).isEqualTo("ok PATCH /patch");
        assertThat(http.delete("/del").send().text()).isEqualTo("ok DELETE /del");
        assertThat(http.head("/head").send().status()).isEqualTo(200);
        assertThat(http.post("/upload").field("kind", "logo").file("file", "test_logo.png", "image/png", new byte[] {1, 2})
                .send().ok()).isTrue();
        assertThat(http.post("/text").text("olá", "text/plain").send().ok()).isTrue();
    }

    @Test
    void serverSentEventsStreamWithTimestamps() {
        HttpSession http = user.session();
        List<Long> arrivals = new ArrayList<>();
        Response streamed = http.get("/sse").sse(e -> {
            arrivals.add(e.arrivalNanos());
            return true;
        });
        assertThat(streamed.ok()).isTrue();
        assertThat(arrivals).hasSize(3).isSorted();
        assertThat(arrivals.get(2) - arrivals.get(0)).isGreaterThan(Duration.ofMillis(80).toNanos());

        Response collected = http.get("/sse").sse();
        assertThat(collected.events()).extracting(SseEvent::data).containsExactly("tok0", "tok1", "tok2");
        assertThat(ctx.last().name()).isEqualTo("GET /sse");
    }
}
