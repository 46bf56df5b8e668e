package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A .java scenario with weighted tasks and two weighted user kinds, run for real in both models. */
@Timeout(60)
class RunScenarioTest {
    private static final List<String> LATENCY = List.of("mean", "p50", "p90", "p95", "p99", "p999", "max");

    @TempDir
    Path dir;

    private JsonNode runAndReadSummary(String... options) throws Exception {
        Path scenario = Cli.shopScenario(dir);
        Path out = dir.resolve("out");
        String[] args = new String[options.length + 6];
        System.arraycopy(new String[] {"run", scenario.toString(), "--out", out.toString(), "-q", "--seed=1"}, 0, args, 0, 6);
        System.arraycopy(options, 0, args, 6, options.length);
        Cli.Result r = Cli.run(args);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        boolean saturated = summary.at("/generator/saturated").asBoolean();
        // a generator starved by a busy machine is reported as an invalid run (4), never silently as 0
        assertThat(r.exit()).as(r.err()).isEqualTo(saturated ? ExitCode.INVALID_RUN.code() : ExitCode.OK.code());
        assertThat(r.out()).contains("GET /products/{id}", "Total");
        assertThat(out.resolve("latency.hlog")).isNotEmptyFile();
        assertThat(out.resolve("timeseries.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("totals.hlog")).as("a finished run keeps its whole-run histograms").isNotEmptyFile();
        return summary;
    }

    private static void assertSeriesFields(JsonNode series) {
        for (String f : List.of("count", "errors", "rps")) {
            assertThat(series.path(f).isNumber()).as(f).isTrue();
        }
        for (String f : LATENCY) {
            assertThat(series.at("/latency_ms/" + f).isNumber()).as("latency_ms." + f).isTrue();
        }
        assertThat(series.path("count").asLong()).isPositive();
        assertThat(series.at("/latency_ms/p50").asDouble()).isPositive();
    }

    @Test
    void closedModel() throws Exception {
        JsonNode s = runAndReadSummary("--users", "4", "--duration", "2s");

        assertThat(s.path("duration_s").asDouble()).isBetween(1.9, 3.0);
        assertThat(s.path("users_peak").asInt()).isEqualTo(4);
        JsonNode requests = s.path("requests");
        assertThat(requests.has("GET /products/{id}")).isTrue();
        assertThat(requests.has("GET /search")).isTrue();
        assertThat(requests.has("POST /cart")).as("the Buyer kind ran too").isTrue();
        requests.forEach(RunScenarioTest::assertSeriesFields);
        assertSeriesFields(s.path("total"));
        long browse = requests.at("/GET ~1products~1{id}/count").asLong();
        long search = requests.at("/GET ~1search/count").asLong();
        assertThat((double) browse / search).as("task weights 3:1").isBetween(2.0, 4.5);
        assertThat(s.at("/requests/GET ~1products~1{id}/latency_ms/p50").asDouble()).isBetween(4.9, 30.0);
        long total = s.at("/total/count").asLong();
        assertThat(total).isEqualTo(browse + search + requests.at("/POST ~1cart/count").asLong());
        assertThat(s.at("/total/errors").asLong()).as("odd users' searches fail").isPositive()
                .isEqualTo(s.at("/errors_by_kind/5xx").asLong());
        assertThat(s.path("dropped_iterations").asLong()).isZero();
        assertThat(s.at("/generator/cpu_peak").isNumber()).isTrue();
        assertThat(s.at("/generator/lag_p99_ms").isNumber()).isTrue();
        assertThat(s.at("/generator/saturated").isBoolean()).isTrue();
    }

    @Test
    void openModel() throws Exception {
        JsonNode s = runAndReadSummary("--rate", "50/s", "--duration", "2s");

        assertThat(s.at("/total/count").asLong() + s.path("dropped_iterations").asLong())
                .as("rate x duration iterations, each one request").isEqualTo(100);
        assertThat(s.at("/total/rps").asDouble()).isBetween(35.0, 55.0);
        s.path("requests").forEach(RunScenarioTest::assertSeriesFields);
        assertThat(s.path("requests").has("POST /cart")).isTrue();
        assertSeriesFields(s.path("total"));
    }
}
