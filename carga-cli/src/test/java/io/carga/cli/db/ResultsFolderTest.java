package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A db run is a carga run: the engine drives it, its folder holds every interval, the result and the verdicts. */
@Timeout(60)
class ResultsFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static long processed(String out) {
        Matcher m = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long count(JsonNode summary, String name) {
        JsonNode r = summary.path("requests").path(name);
        assertThat(r.isMissingNode()).as(name + " in " + summary.path("requests").fieldNames()).isFalse();
        return r.path("count").asLong();
    }

    @Test
    void theFolderHoldsTheWholeRunAndPgbenchsReportComesBeforeItsLines() throws IOException {
        String f = Db.selectScript(dir);
        Path out = dir.resolve("run1");
        Db db = Db.run("-n", "-c", "2", "-T", "2", "-f", f, "--out", out.toString(), "--threshold", "p95 < 10s");

        assertThat(db.exit()).as(db.err()).isZero();
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.path("run_id").asText()).isEqualTo("run1");
        assertThat(run.path("scenario").asText()).isEqualTo("carga db: " + f);
        assertThat(run.path("load").asText()).isEqualTo("closed: up to 2 users for 2s");
        assertThat(run.path("target").asText()).startsWith("jdbc:postgresql://");
        assertThat(run.path("stop_reason").asText()).isEqualTo("COMPLETED");
        assertThat(run.at("/driver/threads").asText()).as("the path that made the figures").isEqualTo("loop");
        assertThat(run.at("/driver/continuations").asText()).isEqualTo("available");
        long tx = processed(db.out());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(count(summary, f)).as("every transaction reached the folder").isEqualTo(tx);
        assertThat(count(summary, f + ":2")).isEqualTo(tx);
        assertThat(summary.path("thresholds").findValuesAsText("verdict")).containsExactly("passed");
        List<String> intervals = Files.readAllLines(out.resolve("timeseries.jsonl"));
        assertThat(intervals).as("one-second intervals over 2 s").hasSizeBetween(2, 4);
        String o = db.out();
        assertThat(o.indexOf("tps = ")).isLessThan(o.indexOf("carga: latency percentiles"));
        assertThat(o.indexOf("carga: latency percentiles")).isLessThan(o.indexOf("results: " + out.toAbsolutePath()));
        assertThat(o.indexOf("results: ")).isLessThan(o.indexOf("thresholds:"));
        assertThat(o).as("pgbench's report stands for the summary table").doesNotContain("req/s");
    }

    @Test
    void aTransactionCountRunIsNamedSo() throws IOException {
        Db db = Db.run("-n", "-c", "2", "-t", "5", "-f", Db.selectScript(dir), "--threads", "platform");

        assertThat(db.exit()).as(db.err()).isZero();
        JsonNode run = JSON.readTree(db.dir().resolve("run.json").toFile());
        assertThat(run.path("load").asText()).isEqualTo("iterations: 5 per user by 2 users");
        assertThat(run.at("/driver/threads").asText()).isEqualTo("platform");
        assertThat(JSON.readTree(db.dir().resolve("summary.json").toFile()).at("/total/count").asLong()).isEqualTo(20);
    }

    @Test
    void aFailedThresholdExits1AfterTheWholeReport() throws IOException {
        Db db = Db.run("-n", "-c", "1", "-t", "5", "-f", Db.selectScript(dir), "--threshold", "p50 < 1us");

        assertThat(db.exit()).as(db.err()).isEqualTo(ExitCode.THRESHOLDS_FAILED.code());
        assertThat(db.out()).contains("tps = ", "✗ p50 < 0.001ms");
        assertThat(db.dir().resolve("junit.xml")).content().contains("failures=\"1\"");
    }

    @Test
    void aFolderThatCannotBeWrittenStopsBeforeAnyTransaction() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        Db db = Db.run("-n", "-t", "1", "-f", Db.selectScript(dir), "--out", file.resolve("run").toString());
        assertThat(db.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(db.out()).doesNotContain("tps = ");
    }
}
