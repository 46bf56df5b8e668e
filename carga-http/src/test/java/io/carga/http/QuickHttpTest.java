package io.carga.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.engine.Engine;
import io.carga.core.event.Outcome;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.IterationsModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.core.output.RunResult;
import io.carga.http.client.HttpRequest;
import io.carga.http.client.Method;
import io.carga.http.client.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuickHttpTest {

    @Test
    void buildsTheRequestFromCommandLineParts() {
        HttpRequest r = QuickHttp.request("http://127.0.0.1:8080/api?x=1", "post",
                List.of("Authorization: Bearer t", "X-Trace:  abc "), "{\"a\":1}");
        assertThat(r.method()).isEqualTo(Method.POST);
        assertThat(r.headers().first("x-trace")).isEqualTo("abc");
        assertThat(r.body().contentType()).isEqualTo("application/json");
        assertThat(QuickHttp.request("http://h/", null, List.of(), "plain").body().contentType()).startsWith("text/plain");
        assertThat(QuickHttp.request("http://h/", "PUT", List.of("Content-Type: text/csv"), "a,b").body().contentType()).isNull();
    }

    @Test
    void badInputIsOneClearLine() {
        assertThatThrownBy(() -> QuickHttp.scenario("localhost:8080/ping", "GET", List.of(), null))
                .hasMessageContaining("malformed URL 'localhost:8080/ping'");
        assertThatThrownBy(() -> QuickHttp.scenario("http://h/", "FETCH", List.of(), null))
                .hasMessage("unknown HTTP method 'FETCH'");
        assertThatThrownBy(() -> QuickHttp.scenario("http://h/", "GET", List.of("NoColon"), null))
                .hasMessage("malformed header 'NoColon': expected 'Name: value'");
        assertThatThrownBy(() -> QuickHttp.scenario("http://h/", "GET", List.of("Bad Name: v"), null))
                .hasMessageContaining("malformed header name 'Bad Name'");
    }

    @Test
    void runsInTheEngineWithOneConnectionPerUser() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        try (RawServer s = new RawServer((r, sock, out) -> {
            int n = hits.incrementAndGet(); // read once: four connections' threads count at once
            RawServer.respond(out, n % 10 == 0 ? 500 : 200, "x".repeat(100));
        })) {
            Scenario scenario = QuickHttp.scenario(s.url("/ping"), "GET", List.of(), null);
            // A fixed count rather than a duration: the assertion must not depend on how busy the machine is.
            RunConfig config = RunConfig.of(scenario, new IterationsModel(200, 4, false, Duration.ofSeconds(30)))
                    .withInterval(Duration.ofMillis(100)).withGracefulStop(Duration.ofSeconds(1)).withSeed(1);
            RunResult result = new Engine(config, new MetricsHub(), List.of(), "quick-test").run();

            SeriesTotals ping = result.aggregate().requests().get(SeriesKey.of("GET /ping"));
            assertThat(ping).isNotNull();
            assertThat(ping.count()).isEqualTo(200).isEqualTo(hits.get());
            assertThat(ping.count(Outcome.SERVER_ERROR)).isEqualTo(hits.get() / 10);
            assertThat(ping.bytesIn()).isGreaterThan(ping.count() * 100);
            assertThat(s.connections.get()).isEqualTo(4);
        }
    }

    @Test
    void runPlanSwitchesToASharedPoolBeforeTheRun() {
        Scenario scenario = QuickHttp.scenario("http://127.0.0.1:1/", "GET", List.of(), null);
        long limit = io.carga.http.client.ConnectionPlan.processOpenFileLimit();
        RunConfig few = RunConfig.of(scenario, ClosedModel.of(10, 0, Duration.ofSeconds(1)));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertThat(HttpRunPlan.apply(few, out)).isSameAs(few);

        RunConfig many = RunConfig.of(scenario, ClosedModel.of((int) Math.min(Integer.MAX_VALUE, limit * 2), 0, Duration.ofSeconds(1)));
        RunConfig planned = HttpRunPlan.apply(many, out);
        assertThat(planned.properties().get(HttpSettings.POOLING)).startsWith("shared:");
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("cannot each own a connection");
        assertThat(HttpSettings.clientConfig(planned.properties()).pooling())
                .isInstanceOf(io.carga.http.client.Pooling.Shared.class);
    }
}
