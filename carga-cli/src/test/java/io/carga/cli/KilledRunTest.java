package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL keeps its results folder up to the last complete interval, and carga report rebuilds it. */
@Timeout(90)
class KilledRunTest {
    @TempDir
    Path dir;

    @Test
    void aSigkilledRunStillRebuilds() throws Exception {
        Path scenario = Cli.shopScenario(dir);
        Path out = dir.resolve("out");
        killAfterThreeIntervals(out, "run", scenario.toString(), "--users", "4", "--duration", "60s", "--out", out.toString(), "-q");
        Path series = out.resolve("timeseries.jsonl");
        assertThat(out.resolve("summary.json")).as("the run never finished").doesNotExist();
        assertThat(out.resolve("totals.hlog")).as("so the report decodes the interval histograms").doesNotExist();

        long requests = 0;
        int intervals = 0;
        for (JsonNode line : completeJsonLines(series)) {
            intervals++;
            for (JsonNode s : line.path("series")) {
                for (JsonNode count : s.path("o")) {
                    requests += count.asLong();
                }
            }
        }
        Cli.Result r = Cli.run("report", out.toString());
        assertThat(r.exit()).as("a run that ended abruptly: " + r.err()).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(r.out()).contains("ended abruptly", "rebuilt from " + intervals + " intervals");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/total/count").asLong()).isEqualTo(requests).isPositive();
        assertThat(summary.at("/stop/reason").asText()).isEqualTo("ABRUPT");
        assertThat(summary.at("/users_peak").asInt()).isEqualTo(4);
        assertThat(summary.at("/total/latency_ms/p99").asDouble()).isPositive();
        assertThat(summary.at("/requests/GET ~1products~1{id}/count").asLong()).isPositive();
    }

    @Test
    void aSigkilledPlanRunIsJudgedOnRebuildAsItsPlanSays() throws Exception {
        Path plan = Files.writeString(dir.resolve("carga.yaml"), io.carga.cli.plan.PlanFixtures.specPlan()
                .replace("api_endpoints: \"< 500ms p95\"", "api_endpoints: \"< 1ms p95\""));
        Path out = dir.resolve("out");
        killAfterThreeIntervals(out, "run", "--plan", plan.toString(), "--stage", "smoke", "--force", "--duration", "60s",
                "--out", out.toString(), "-q");
        assertThat(out.resolve("summary.json")).as("the run never finished").doesNotExist();
        assertThat(out.resolve("judge.json")).as("written before the run started").isNotEmptyFile();

        Cli.Result r = Cli.run("report", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INTERRUPTED.code());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("thresholds").findValuesAsText("verdict")).as("judged from the results log").contains("failed", "passed");
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("p95{tier=api_endpoints} &lt; 1ms").contains("type=\"interrupted\"")
                .contains("the run ended abruptly");
        assertThat(Files.readString(out.resolve("report.html"))).contains("\"verdict\":\"failed\"");
    }

    /** Starts carga in a child JVM and kills it with SIGKILL once three intervals are in its results log. */
    private void killAfterThreeIntervals(Path out, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.carga.cli.Main"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path series = out.resolve("timeseries.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (completeLines(series) < 3 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(child.isAlive()).as(Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "").isTrue();
            assertThat(completeLines(series)).as("three intervals written while running").isGreaterThanOrEqualTo(3);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int completeLines(Path file) throws Exception {
        return completeJsonLines(file).size();
    }

    /** The lines that end with a newline and parse: what a killed writer surely finished. */
    private static List<JsonNode> completeJsonLines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : text.substring(0, end).split("\n")) {
            out.add(json.readTree(line));
        }
        return out;
    }
}
