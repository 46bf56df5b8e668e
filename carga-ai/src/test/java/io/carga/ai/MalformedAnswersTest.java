package io.carga.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.carga.core.api.Task;
import io.carga.core.api.User;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.engine.Engine;
import io.carga.core.load.IterationsModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.metrics.SeriesTotals;
import io.carga.core.output.RunResult;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answers that break the rules, from a JDK HTTP server: missing usage, bad SSE, a stream cut short. */
class MalformedAnswersTest {
    private static HttpServer server;
    static final ConcurrentLinkedQueue<AiResponse> SEEN = new ConcurrentLinkedQueue<>();
    static volatile String mode;

    public static class Caller extends User {
        @Task
        void go() {
            AiClient ai = AiClient.of(this);
            SEEN.add(switch (mode) {
                case "nousage" -> ai.openai("gpt-3.5-turbo").prompt("Olá mundo, tudo bem com você hoje?").send();
                default -> ai.openai("gpt-3.5-turbo").prompt("x").stream();
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            String body = switch (mode) {
                case "nousage" -> "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Olá! Tudo ótimo por aqui, obrigado.\"}}]}";
                case "notjson" -> "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {oops\n\n";
                case "streamnousage" -> "data: {\"choices\":[{\"delta\":{\"content\":\"Olá! Tudo\"}}]}\n\n"
                        + "data: {\"choices\":[{\"delta\":{\"content\":\" ótimo por aqui.\"}}]}\n\ndata: [DONE]\n\n";
                case "errorevent" -> "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n"
                        + "data: {\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}\n\n";
                default -> "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n"; // no [DONE]
            };
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", mode.equals("nousage") ? "application/json" : "text/event-stream");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static SeriesTotals run(String m) throws Exception {
        mode = m;
        SEEN.clear();
        Scenario s = new Scenario("bad", List.of(UserSpec.of(Caller.class)));
        RunConfig c = RunConfig.of(s, new IterationsModel(2, 1, false, java.time.Duration.ofSeconds(10))).withTarget("http://127.0.0.1:" + server.getAddress().getPort())
                .withProperties(Map.of());
        RunResult r = new Engine(c, new MetricsHub(), List.of(x -> { }), "bad").run();
        return r.aggregate().total();
    }

    @Test
    void missingUsageIsEstimatedAndFlagged() throws Exception {
        SeriesTotals t = run("nousage");
        assertThat(t.errors()).isZero();
        assertThat(t.fieldSums().get(AiFields.TOKENS_ESTIMATED)).isEqualTo((double) t.count());
        AiResponse a = SEEN.peek();
        assertThat(a.usage().estimated()).isTrue();
        assertThat(a.usage().output()).isEqualTo(Math.round("Olá! Tudo ótimo por aqui, obrigado.".length() / 4.0));
    }

    @Test
    void streamWithoutUsageIsEstimatedFlaggedAndStillTimed() throws Exception {
        SeriesTotals t = run("streamnousage");
        assertThat(t.errors()).as(t.failures().toString()).isZero();
        assertThat(t.fieldSums().get(AiFields.TOKENS_ESTIMATED)).isEqualTo((double) t.count());
        AiResponse a = SEEN.peek();
        assertThat(a.usage().estimated()).isTrue();
        assertThat(a.usage().output()).isEqualTo(Math.round("Olá! Tudo ótimo por aqui.".length() / 4.0));
        assertThat(a.ttftNanos()).isPositive();
        assertThat(a.timings().chunkTokens()).hasSize(2);
        assertThat(a.timings().chunkTokens()[0] + a.timings().chunkTokens()[1]).isEqualTo(a.usage().output());
    }

    @Test
    void errorEventInTheStreamFailsWithTheProvidersMessage() throws Exception {
        SeriesTotals t = run("errorevent");
        assertThat(t.errors()).isEqualTo(t.count()).isPositive();
        assertThat(t.failures().keySet()).allSatisfy(r -> assertThat(r).isEqualTo("error event in the stream: The server is overloaded"));
    }

    @Test
    void nonJsonEventFailsTheRequestWithTheReason() throws Exception {
        SeriesTotals t = run("notjson");
        assertThat(t.errors()).isEqualTo(t.count()).isPositive();
        assertThat(t.failures().keySet()).allSatisfy(r -> assertThat(r).startsWith("malformed SSE: event 2 is not JSON"));
    }

    @Test
    void streamWithoutEndMarkerFails() throws Exception {
        SeriesTotals t = run("cut");
        assertThat(t.errors()).isEqualTo(t.count()).isPositive();
        assertThat(t.failures().keySet()).allSatisfy(r -> assertThat(r).contains("without its end marker"));
    }
}
