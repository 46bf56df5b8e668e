package io.carga.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPageWithEveryFormat() throws Exception {
        SyntheticRun.platform().seconds(90).write(dir);
        ReportBuilder.Built b = new ReportBuilder().build(dir, null, null);
        String html = Files.readString(b.html());
        assertThat(html).contains("uPlot").contains("report-data").doesNotContain("/*DATA*/").doesNotContain("/*UPLOT_JS*/");
        // nothing is fetched: no external scripts, styles, images or fonts
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=")
                .doesNotContainPattern("url\\(\\s*['\"]?https?:").doesNotContainPattern("<img[^>]+src=\"?https?:");
        JsonNode data = embedded(html);
        assertThat(data.path("grade").path("letter").asText()).matches("[ABCDF]");
        assertThat(data.path("grade").path("parts")).hasSize(3);
        assertThat(data.path("timeline").path("t")).hasSize(90);
        assertThat(data.path("series")).hasSize(20);
        assertThat(data.path("distribution").has("All requests")).isTrue();
        assertThat(data.path("summary").path("requests")).hasSize(20);
        assertThat(data.path("cost").path("total").asDouble()).isPositive();
        assertThat(data.path("ai").path("rows").size()).isEqualTo(3);
        assertThat(data.path("db")).hasSize(3);
        assertThat(data.path("verdict").asText()).contains("requests");
        // the spec's rules fire on the planted figures: a slow SQL statement and a slow AI model
        assertThat(data.path("recommendations").findValuesAsText("trigger"))
                .anySatisfy(t -> assertThat(t).startsWith("SELECT report aggregates p95"))
                .anySatisfy(t -> assertThat(t).startsWith("POST /api/v1/ai/finance{model=gpt-4-turbo} p95"));
        assertThat(Files.readAllLines(dir.resolve("stats.csv"))).hasSize(22);
        assertThat(Files.readAllLines(dir.resolve("stats_history.csv")).get(0)).startsWith("\"Timestamp\",\"User Count\",\"Type\",\"Name\"");
    }

    @Test
    void aRequestNameCannotCloseTheDataScript() throws Exception {
        new SyntheticRun().name(new SyntheticRun.Name("GET /x</script><script>alert(1)</script>", 5, 0, 5)).seconds(5).write(dir);
        String html = Files.readString(new ReportBuilder().build(dir, null, null).html());
        assertThat(html).doesNotContain("</script><script>alert(1)");
        assertThat(embedded(html).path("summary").path("requests").fieldNames().next()).isEqualTo("GET /x</script><script>alert(1)</script>");
    }

    @Test
    void aKilledRunGetsTheSameReportsFromItsIntervalHistogramsAsAFinishedOneFromItsTotals() throws Exception {
        // longer than MAX_POINTS intervals, so a history row and a chart point stand for several intervals
        new SyntheticRun().seconds(SeriesTimeline.MAX_POINTS * 2 + 7).name(new SyntheticRun.Name("GET /users", 40, 0.01, 20))
                .name(new SyntheticRun.Name("POST /orders", 90, 0, 5)).write(dir);
        assertThat(dir.resolve("totals.hlog")).exists();
        JsonNode fromTotals = embedded(Files.readString(new ReportBuilder().build(dir, null, null).html()));
        String stats = Files.readString(dir.resolve("stats.csv"));
        String history = Files.readString(dir.resolve("stats_history.csv"));

        Files.delete(dir.resolve("totals.hlog"));
        JsonNode fromIntervals = embedded(Files.readString(new ReportBuilder().build(dir, null, null).html()));

        assertThat(fromIntervals.path("timeline").path("t")).as("1,447 intervals in buckets of 3").hasSize(483);
        assertThat(fromIntervals).isEqualTo(fromTotals);
        assertThat(Files.readString(dir.resolve("stats.csv"))).isEqualTo(stats);
        assertThat(Files.readString(dir.resolve("stats_history.csv"))).isEqualTo(history);
    }

    static JsonNode embedded(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return new ObjectMapper().readTree(m.group(1).replace("<\\/", "</").replace("<\\!--", "<!--"));
    }
}
