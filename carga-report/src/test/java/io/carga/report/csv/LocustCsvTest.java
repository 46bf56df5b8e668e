package io.carga.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.report.html.ReportBuilder;
import io.carga.report.html.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocustCsvTest {
    @TempDir
    Path dir;

    @Test
    void statsHasLocustsColumnsAndSummaryJsonsFigures() throws Exception {
        new SyntheticRun().name(new SyntheticRun.Name("GET /users", 40, 0.05, 20)).name(new SyntheticRun.Name("login", 90, 0, 5))
                .seconds(30).write(dir);
        new ReportBuilder().build(dir, null, null);
        List<String> lines = Files.readAllLines(dir.resolve(LocustCsv.STATS));
        assertThat(lines.get(0)).isEqualTo("\"Type\",\"Name\",\"Request Count\",\"Failure Count\",\"Median Response Time\","
                + "\"Average Response Time\",\"Min Response Time\",\"Max Response Time\",\"Average Content Size\",\"Requests/s\","
                + "\"Failures/s\",\"50%\",\"66%\",\"75%\",\"80%\",\"90%\",\"95%\",\"98%\",\"99%\",\"99.9%\",\"99.99%\",\"100%\"");
        assertThat(lines).hasSize(4);
        String[] users = lines.get(1).split(",");
        assertThat(users[0]).isEqualTo("\"GET\"");
        assertThat(users[1]).isEqualTo("\"/users\"");
        assertThat(lines.get(2)).startsWith("\"\",\"login\",");
        assertThat(lines.get(3)).startsWith("\"\",\"Aggregated\",");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        JsonNode s = summary.path("requests").path("GET /users");
        assertThat(Long.parseLong(users[2])).isEqualTo(s.path("count").asLong());
        assertThat(Long.parseLong(users[3])).isEqualTo(s.path("errors").asLong());
        assertThat(Double.parseDouble(users[16])).isCloseTo(s.path("latency_ms").path("p95").asDouble(), org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void historyHasARowPerNameAndOneAggregatedPerInterval() throws Exception {
        new SyntheticRun().name(new SyntheticRun.Name("GET /users", 40, 0, 20)).name(new SyntheticRun.Name("POST /orders", 90, 0, 10))
                .seconds(12).write(dir);
        new ReportBuilder().build(dir, null, null);
        List<String> lines = Files.readAllLines(dir.resolve(LocustCsv.HISTORY));
        assertThat(lines.get(0).split(",")).hasSize(24).contains("\"Total Median Response Time\"", "\"99.99%\"");
        assertThat(lines).hasSize(1 + 12 * 3);
        assertThat(lines.get(3)).contains("\"Aggregated\"");
        String[] last = lines.get(lines.size() - 1).split(",");
        JsonNode total = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).path("total");
        assertThat(Long.parseLong(last[17])).isEqualTo(total.path("count").asLong());
    }
}
