package io.carga.shadow;

import static io.carga.shadow.ShadowDiffTest.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.carga.shadow.proxy.PrimaryListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the proxy keeps, reopens and shares connections: what a client sees whatever the primary does with its own. */
class ConnectionsTest {

    private static ShadowRun proxyTo(URI primary, URI candidate) throws Exception {
        return ShadowRun.proxy(ShadowOptions.defaults(new InetSocketAddress("127.0.0.1", 0), primary, candidate, null).withShare(0), PrimaryListener.NONE);
    }

    @Test
    void aPrimaryThatClosesAfterEveryAnswerStillAnswersEveryRequest() throws Exception {
        try (RawPrimary primary = new RawPrimary((r, n) -> RawPrimary.ok("ok " + r.target(), true)); Backend candidate = Backend.primary(0);
             ShadowRun run = proxyTo(primary.uri(), candidate.uri())) {
            List<Clients.Reply> replies = Clients.send(proxy(run), 30, 1, Duration.ofSeconds(20), i -> Clients.get(proxy(run), "/n/" + i));
            assertThat(replies).hasSize(30).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(replies).extracting(Clients.Reply::body).contains("ok /n/0", "ok /n/29");
            assertThat(primary.connections.get()).isEqualTo(30); // one connection per answer, as the primary asked
        }
    }

    @Test
    void aKeptConnectionClosedUnderARequestIsRetriedOnceForAnIdempotentMethodOnly() throws Exception {
        // every connection answers its first request, then closes on the second unanswered: the race with an idle timeout
        RawPrimary.Behaviour firstOnly = (r, n) -> n == 0 ? RawPrimary.ok(r.method() + " " + r.body(), false) : null;
        try (RawPrimary primary = new RawPrimary(firstOnly); Backend candidate = Backend.primary(0);
             ShadowRun run = proxyTo(primary.uri(), candidate.uri())) {
            List<Clients.Reply> gets = Clients.send(proxy(run), 10, 1, Duration.ofSeconds(20), i -> Clients.get(proxy(run), "/g/" + i));
            assertThat(gets).hasSize(10).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(primary.connections.get()).isEqualTo(10); // the GETs after the first each needed a second try
            List<Clients.Reply> posts = Clients.send(proxy(run), 2, 1, Duration.ofSeconds(20),
                    i -> Clients.get(proxy(run), "/p").POST(HttpRequest.BodyPublishers.ofString("note " + i)));
            // a new client, so a new primary connection: its second POST goes out on it kept, the primary drops it, and a write is not sent twice
            assertThat(posts).extracting(Clients.Reply::status).containsExactly(200, 502);
            assertThat(posts.get(0).body()).isEqualTo("POST note 0");
            assertThat(posts.get(1).body()).contains("the primary did not answer");
        }
    }

    @Test
    void aDeadPrimaryGetsA502AndTheClientsConnectionStaysUsable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // nothing listens there once it is closed
        }
        try (Backend candidate = Backend.primary(0); ShadowRun run = proxyTo(URI.create("http://127.0.0.1:" + port), candidate.uri());
             Socket client = new Socket("127.0.0.1", run.address().getPort())) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            for (int i = 0; i < 2; i++) {
                out.write("GET /x HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = RawPrimary.head(in);
                assertThat(head).startsWith("HTTP/1.1 502").containsIgnoringCase("content-length:");
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
                assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).contains("the primary did not answer (ConnectException)");
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndHeadGetsNoBody() throws Exception {
        RawPrimary.Behaviour echo = (r, n) -> r.method().equals("HEAD")
                ? "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n"
                : RawPrimary.ok("answer to " + r.target().substring(1), false);
        try (RawPrimary primary = new RawPrimary(echo); Backend candidate = Backend.primary(0);
             ShadowRun run = proxyTo(primary.uri(), candidate.uri());
             Socket client = new Socket("127.0.0.1", run.address().getPort())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("GET /a HTTP/1.1\r\nHost: t\r\n\r\nHEAD /h HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // the proxy closes after /b
            assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(4);
            assertThat(all.indexOf("answer to a")).isLessThan(all.indexOf("answer to b"));
            // between /a's body and /b's: HEAD's head, with the length of the body it would have had, and no body
            String[] between = all.substring(all.indexOf("answer to a") + "answer to a".length(), all.indexOf("answer to b")).split("\r\n\r\n");
            assertThat(between[0]).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("content-length: 12");
            assertThat(between[1]).startsWith("HTTP/1.1 200 OK");
            assertThat(primary.connections.get()).isEqualTo(1);
        }
    }
}
