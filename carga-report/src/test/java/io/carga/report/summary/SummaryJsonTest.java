package io.carga.report.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.event.Outcome;
import io.carga.core.event.Tags;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import io.carga.report.results.RunMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * summary.json against a golden file. The aggregate is built from fixed snapshots, so every figure is
 * reproducible. After an intended change of the format, rerun with {@code -Dcarga.updateGolden=true} and
 * review the diff of {@code src/test/resources/golden/summary.json}.
 */
class SummaryJsonTest {
    static final long EPOCH = 1_700_000_000_000L;
    private static final Path GOLDEN = Path.of("src/test/resources/golden/summary.json");

    static RunMeta meta(String stopReason) {
        return new RunMeta("golden", EPOCH, "journeys/Shop.java", "closed: up to 12 users for 3s", 42,
                "http://127.0.0.1:8080", 1000, stopReason, null, stopReason == null ? 0 : 1, java.util.List.of(), 3000, 7_200_000, java.util.Map.of(), java.util.List.of(), java.util.Map.of(), java.util.Map.of());
    }

    static RunAggregate aggregate(double cpu) {
        RunAggregate a = new RunAggregate();
        for (int i = 0; i < 3; i++) {
            Histogram lat = Histograms.newHistogram();
            Histogram svc = Histograms.newHistogram();
            for (int v = 1; v <= 100; v++) {
                lat.recordValue(v * 1_000L + i * 100L);
                svc.recordValue(v * 500L + i * 100L);
            }
            long[] outcomes = new long[Outcome.values().length];
            outcomes[Outcome.OK.ordinal()] = 97;
            outcomes[Outcome.SERVER_ERROR.ordinal()] = 2;
            outcomes[Outcome.READ_TIMEOUT.ordinal()] = 1;
            SeriesInterval ping = new SeriesInterval(SeriesKey.of("GET /ping"), lat, svc, outcomes, 10_000, 2_000, Map.of());
            Histogram chatLat = Histograms.newHistogram();
            chatLat.recordValueWithCount(250_000L + i * 1_000L, 10);
            long[] chatOutcomes = new long[Outcome.values().length];
            chatOutcomes[Outcome.OK.ordinal()] = 10;
            SeriesInterval chat = new SeriesInterval(new SeriesKey("POST /chat", Tags.of("model", "m1")), chatLat, chatLat.copy(),
                    chatOutcomes, 5_000, 1_000, Map.of("tokens_out", 640.0));
            Histogram lag = Histograms.newHistogram();
            lag.recordValueWithCount(200 + i, 50);
            lag.recordValue(4_000);
            Histogram render = Histograms.newHistogram();
            render.recordValue(12_000);
            CustomInterval custom = new CustomInterval(Map.of(SeriesKey.of("orders"), 2.0), Map.of(SeriesKey.of("queue"), (double) i),
                    Map.of(SeriesKey.of("render"), render));
            a.add(new IntervalSnapshot(i, EPOCH + i * 1000L, EPOCH + (i + 1) * 1000L, i + 1, 10 + i, i,
                    List.of(ping, chat), custom, new GeneratorSample(cpu + i * 0.1, lag, 3, 64L << 20, 1_000_000_000L * (i + 1))));
        }
        return a;
    }

    @Test
    void matchesTheGoldenFile() throws Exception {
        ObjectNode summary = SummaryJson.build(meta("COMPLETED"), aggregate(0.25));
        String text = SummaryJson.toText(summary);
        if (Boolean.getBoolean("carga.updateGolden") || !Files.exists(GOLDEN)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, text + "\n");
            fail("wrote " + GOLDEN.toAbsolutePath() + ": review it, then run again");
        }
        ObjectMapper json = new ObjectMapper();
        // compared as parsed trees: a long written by the code reads back as an int node
        assertThat(json.readTree(text)).isEqualTo(json.readTree(GOLDEN.toFile()));
    }

    @Test
    void carriesEveryFieldTheIssueAsksFor() {
        ObjectNode s = SummaryJson.build(meta("COMPLETED"), aggregate(0.25));
        List<String> required = new ArrayList<>(List.of("/duration_s", "/users_peak", "/dropped_iterations", "/errors_by_kind",
                "/generator/cpu_peak", "/generator/lag_p99_ms", "/generator/saturated"));
        for (String series : List.of("/requests/GET ~1ping", "/requests/POST ~1chat{model=m1}", "/total")) {
            for (String f : List.of("count", "errors", "rps", "latency_ms/mean", "latency_ms/p50", "latency_ms/p90",
                    "latency_ms/p95", "latency_ms/p99", "latency_ms/p999", "latency_ms/max")) {
                required.add(series + "/" + f);
            }
        }
        for (String path : required) {
            assertThat(s.at(path).isMissingNode()).as(path).isFalse();
        }
        assertThat(s.at("/total/count").asLong()).isEqualTo(330);
        assertThat(s.at("/total/errors").asLong()).isEqualTo(9);
        assertThat(s.at("/total/rps").asDouble()).isEqualTo(110.0);
        assertThat(s.at("/users_peak").asInt()).isEqualTo(12);
        assertThat(s.at("/dropped_iterations").asLong()).isEqualTo(3);
        assertThat(s.at("/errors_by_kind/5xx").asLong()).isEqualTo(6);
        assertThat(s.at("/errors_by_kind/read_timeout").asLong()).isEqualTo(3);
        assertThat(s.at("/generator/saturated").isBoolean()).isTrue();
        assertThat(s.at("/requests/GET ~1ping/latency_ms/p50").asDouble()).as("the 150th of 300 values, 50.2 ms, at 3 significant digits").isEqualTo(50.207);
        assertThat(s.at("/requests/POST ~1chat{model=m1}/fields/tokens_out").asDouble()).isEqualTo(1920.0);
    }

    @Test
    void latencyFiguresAreOrdered() {
        JsonNode l = SummaryJson.build(meta("COMPLETED"), aggregate(0.25)).at("/total/latency_ms");
        List<Double> ordered = new ArrayList<>();
        for (String f : List.of("p50", "p90", "p95", "p99", "p999", "max")) {
            ordered.add(l.path(f).asDouble());
        }
        assertThat(ordered).isSorted();
        assertThat(l.path("mean").asDouble()).isBetween(ordered.get(0) / 2, ordered.get(5));
    }

    @Test
    void aSaturatedGeneratorIsSaidPlainly() {
        RunAggregate hot = aggregate(0.96);
        assertThat(SummaryJson.build(meta("COMPLETED"), hot).at("/generator/saturated").asBoolean()).isTrue();
        assertThat(ConsoleSummary.render(meta("COMPLETED"), hot)).contains("WARNING: the load generator itself was saturated");
        assertThat(SummaryJson.build(meta("COMPLETED"), aggregate(0.25)).at("/generator/saturated").asBoolean()).isFalse();
    }

    @Test
    void theConsoleSummaryHasOneRowPerNameAndTheTotals() {
        String text = ConsoleSummary.render(meta(null), aggregate(0.25));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).contains("Name", "# reqs", "# fails", "req/s", "avg ms", "p50", "p90", "p95", "p99", "max");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("GET /ping").contains(" 300 ").contains(" 9 "));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("POST /chat{model=m1}").contains(" 30 "));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Total").contains(" 330 "));
        assertThat(text).contains("errors by kind: 5xx=6 read_timeout=3", "3 dropped iterations", "counters: orders=6",
                "NOTE: this run ended abruptly");
    }

}
