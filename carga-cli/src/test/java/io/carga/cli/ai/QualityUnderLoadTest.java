package io.carga.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.carga.cli.Main;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality rule from a real AI run's results: carga-ai's client against a loopback OpenAI-compatible
 * server that answers well (Portuguese, long) while few requests are in flight and degrades (short, an error
 * text) under load, as a platform falling back to a cheaper model would. The ramp from 2 to 16 users makes the
 * report recommend "Answer quality falls under load", from the quality_sum / quality_n fields the client writes.
 */
@Timeout(90)
class QualityUnderLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "Olá! Nossa empresa prepara para você um post completo para o Instagram da padaria, com pães frescos, "
            + "café quentinho e uma promoção especial de fim de semana para toda a família do bairro.";
    private static final String DEGRADED = "error: try again";

    @TempDir
    Path dir;

    @Test
    void answerQualityFallingAsUsersRiseIsRecommendedAgainst() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", ex -> {
            int now = inFlight.incrementAndGet();
            try {
                ex.getRequestBody().readAllBytes();
                Thread.sleep(40);
                String text = now > 4 ? DEGRADED : GOOD;
                byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("id", "x").put("model", "gpt-3.5-turbo")
                        .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                                .set("message", JSON.createObjectNode().put("role", "assistant").put("content", text)))));
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                inFlight.decrementAndGet();
                ex.close();
            }
        });
        server.start();
        Path scenario = Files.writeString(dir.resolve("Writer.java"), """
                import io.carga.ai.AiClient;
                import io.carga.core.api.*;

                public class Writer extends User {
                    AiClient ai;
                    public WaitTime waitTime() { return WaitTime.constant(0.02); }
                    public void onStart() { ai = AiClient.of(this); }
                    @Task void write() { ai.openai("gpt-3.5-turbo").prompt("Crie um post para Instagram de uma padaria").maxTokens(60).send(); }
                    public void onStop() { ai.close(); }
                }
                """);
        Path out = dir.resolve("out");
        int code;
        try {
            code = Main.execute("run", scenario.toString(), "--target", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--stages", "1s:2,4s:2,1s:16,4s:16", "--out", out.toString(), "-q");
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
        assertThat(code).as("4 only if a busy machine saturated the generator").isIn(0, 4);

        JsonNode quality = JSON.readTree(out.resolve("summary.json").toFile()).at("/ai/overall/quality");
        assertThat(quality.path("scored").asLong()).as("the client scored the answers").isPositive();
        assertThat(quality.path("mean").asDouble()).isBetween(0.01, 0.99);

        String html = Files.readString(out.resolve("report.html"));
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int from = html.indexOf(open) + open.length();
        JsonNode recs = JSON.readTree(html.substring(from, html.indexOf("</script>", from))).path("recommendations");
        assertThat(recs.findValuesAsText("title")).contains("Answer quality falls under load");
        assertThat(recs.findValuesAsText("trigger")).anySatisfy(t -> assertThat(t).matches("mean quality 1\\.00 at up to 8 users, 0\\.\\d\\d above"));
    }
}
