package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** carga db writes the results folder of any run, judges its thresholds into it, and survives SIGTERM with it. */
@Timeout(120)
class DbRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aDbRunWritesTheResultsFolderAndAFailedThresholdExits1() throws Exception {
        Path out = dir.resolve("db-run");
        Cli.Result r = Cli.run("db", "--embedded", "-c", "2", "-j", "2", "-T", "2", "-S", "--warmup", "0",
                "--out", out.toString(), "--threshold", "p95 < 10s", "--threshold", "p50 < 1us");

        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(ExitCode.THRESHOLDS_FAILED.code());
        for (String f : new String[] {"run.json", "latency.hlog", "timeseries.jsonl", "summary.json", "report.html"}) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.path("scenario").asText()).isEqualTo("carga db: <builtin: select only>");
        assertThat(run.path("stop_reason").asText()).isEqualTo("COMPLETED");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("thresholds").findValuesAsText("verdict")).containsExactly("passed", "failed");
        assertThat(summary.toString()).contains("\"<builtin: select only>:2\"");
        assertThat(Files.readAllLines(out.resolve("timeseries.jsonl"))).hasSizeBetween(2, 4);
        // a carga db run is a run: its test cost (its instance, its storage) is in the ledger beside it
        assertThat(Files.readAllLines(dir.resolve("ledger.jsonl"))).singleElement().asString().contains("\"folder\":\"db-run\"", "\"rebuilt\":false");
        assertThat(summary.at("/cost/testing/instances/brl").asDouble()).isPositive();
        // pgbench's report first, then where the files are, then the verdicts: as any run prints them
        String o = r.out();
        assertThat(o.indexOf("tps = ")).isPositive().isLessThan(o.indexOf("results: " + out.toAbsolutePath()));
        assertThat(o.indexOf("results: " + out.toAbsolutePath())).isLessThan(o.indexOf("thresholds:"));
        assertThat(o).containsPattern("report: .*report\\.html \\(grade [A-F]\\)");
    }

    @Test
    void sigtermStopsTheClientsAndStillWritesTheReportAndTheFolder() throws Exception {
        Path out = dir.resolve("stopped");
        Path log = dir.resolve("child.log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.carga.cli.Main",
                "db", "--embedded", "-c", "2", "-T", "60", "-S", "--warmup", "0", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(out.resolve("timeseries.jsonl")) < 2 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(lines(out.resolve("timeseries.jsonl"))).as(Files.readString(log)).isGreaterThanOrEqualTo(2);
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(40, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        String printed = Files.readString(log);
        assertThat(child.exitValue()).as(printed).isEqualTo(143);
        assertThat(printed).contains("tps = ", "results: ");
        assertThat(JSON.readTree(out.resolve("run.json").toFile()).path("stop_reason").asText()).isEqualTo("SIGNAL");
        assertThat(out.resolve("summary.json")).isNotEmptyFile();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void aJvmWithoutTheContinuationsRunsAThreadPerClientAndRunJsonSaysSo() throws Exception {
        Path script = dir.resolve("one.sql");
        Files.writeString(script, "SELECT 1;\n");
        Path out = dir.resolve("no-loop");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // this JVM exports jdk.internal.vm (surefire's argLine); a child started without it is a java -jar elsewhere
        Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.carga.cli.Main", "db",
                "--jdbc-url", io.carga.pgbench.TestDb.get().jdbcUrl(), "-U", "postgres", "-n", "-c", "2", "-t", "5",
                "-f", script.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        JsonNode driver = JSON.readTree(out.resolve("run.json").toFile()).path("driver");
        assertThat(driver.path("threads").asText()).isEqualTo("platform");
        assertThat(driver.path("continuations").asText()).startsWith("not exported");
        // and which collector ran: the figures of a run depend on it as much
        JsonNode generator = JSON.readTree(out.resolve("run.json").toFile()).path("generator");
        assertThat(generator.path("gc").asText()).isEqualTo("Copy, MarkSweepCompact");
        assertThat(generator.path("processors").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static long lines(Path f) throws Exception {
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }
}
