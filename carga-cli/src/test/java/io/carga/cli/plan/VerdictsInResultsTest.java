package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.ExitCode;
import io.carga.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan run's verdicts are in its results folder: in summary.json and report.html as the run ends, and again
 * after {@code carga report DIR}, which exits as the run did. A run the auto-shutdown cuts short says so and
 * exits CUT_SHORT unless the plan accepts it.
 */
@Timeout(120)
class VerdictsInResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void thePlanRunsReportHoldsItsVerdictsAndARebuildKeepsThemWithTheSameExitCode() throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"),
                PlanLoaderTest.specPlan().replace("api_endpoints: \"< 500ms p95\"", "api_endpoints: \"< 1ms p95\""));
        Path out = dir.resolve("run");
        int ran = Main.execute("run", "--plan", plan.toString(), "--stage", "smoke", "--force", "--duration", "3s",
                "--out", out.toString(), "-q");
        assertThat(ran).as("the 1 ms SLA fails (4 when a busy machine saturated the generator)").isIn(1, 4);

        JsonNode inReport = reportData(out).path("summary").path("thresholds");
        assertThat(inReport).as("report.html is written after the verdicts").isNotEmpty();
        assertThat(inReport.findValuesAsText("verdict")).contains("failed", "passed");
        JsonNode atEnd = JSON.readTree(out.resolve("summary.json").toFile()).path("thresholds");
        assertThat(out.resolve("judge.json")).isNotEmptyFile();

        Files.delete(out.resolve("junit.xml"));
        int rebuilt = Main.execute("report", out.toString());
        assertThat(rebuilt).as("a rebuild exits as the run did").isEqualTo(ran);
        JsonNode again = JSON.readTree(out.resolve("summary.json").toFile()).path("thresholds");
        assertThat(again).as("carga report keeps the verdicts").isEqualTo(atEnd);
        assertThat(reportData(out).path("summary").path("thresholds")).isEqualTo(atEnd);
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("<failure message=\"p95{tier=api_endpoints} &lt; 1ms: measured");
    }

    @Test
    void aStageTheAutoShutdownCutsShortSaysSoAndExitsCutShort() throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), PlanLoaderTest.specPlan()
                .replace("Tests stop after 2 hours", "Tests stop after 2 seconds"));
        Path out = dir.resolve("run");
        int code = Main.execute("run", "--plan", plan.toString(), "--stage", "smoke", "--force", "--out", out.toString(), "-q");
        assertThat(code).isEqualTo(ExitCode.CUT_SHORT.code()).isEqualTo(6);
        JsonNode stop = JSON.readTree(out.resolve("summary.json").toFile()).path("stop");
        assertThat(stop.path("reason").asText()).isEqualTo("MAX_DURATION");
        assertThat(stop.path("cut_short").asBoolean()).isTrue();
        assertThat(stop.path("cut_short_accepted").asBoolean()).isFalse();
        assertThat(stop.path("planned_s").asDouble()).isEqualTo(300);
        assertThat(stop.path("max_duration_s").asDouble()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("type=\"cut_short\"")
                .contains("cut short by the maximum duration of 2s, before the planned 5m");
        assertThat(Main.execute("report", out.toString())).as("the rebuild too").isEqualTo(6);
    }

    @Test
    void aPlanThatAcceptsTheAutoShutdownPassesACutRunAndStillSaysSo() throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), PlanLoaderTest.specPlan()
                .replace("Tests stop after 2 hours", "Tests stop after 2 seconds")
                .replace("accept_auto_shutdown: false", "accept_auto_shutdown: true"));
        Path out = dir.resolve("run");
        int code = Main.execute("run", "--plan", plan.toString(), "--stage", "smoke", "--force", "--out", out.toString(), "-q");
        assertThat(code).as("4 only if a busy machine saturated the generator").isIn(0, 4);
        JsonNode stop = JSON.readTree(out.resolve("summary.json").toFile()).path("stop");
        assertThat(stop.path("cut_short").asBoolean()).isTrue();
        assertThat(stop.path("cut_short_accepted").asBoolean()).isTrue();
        assertThat(Files.readString(out.resolve("junit.xml"))).doesNotContain("cut_short\"")
                .contains("<system-out>cut short by the maximum duration of 2s, before the planned 5m (accepted by the plan)</system-out>");
    }

    /** The JSON report.html draws from. */
    static JsonNode reportData(Path out) throws Exception {
        String html = Files.readString(out.resolve("report.html"));
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int from = html.indexOf(open) + open.length();
        return JSON.readTree(html.substring(from, html.indexOf("</script>", from)));
    }
}
