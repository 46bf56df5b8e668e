package io.carga.pgbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.output.StopReason;
import io.carga.core.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A db run is a carga run: its outputs see every interval, the folder gets the result and the verdicts. */
@Timeout(60)
class ResultsFolderTest {

    @TempDir
    Path dir;

    private static long processed(String out) {
        Matcher m = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theRehearsalPractisesOnAScratchFolderThatIsRemoved() throws IOException {
        String f = Db.selectScript(dir);
        FakeResultsFolder results = new FakeResultsFolder(dir);
        Db db = Db.run(results, "-n", "-c", "2", "-t", "20", "-f", f, "--out", dir.resolve("run").toString(),
                "--warmup", "200");

        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.err()).contains("then the scripts, read-only");
        assertThat(results.otherDirs).singleElement().satisfies(p -> assertThat(p).doesNotExist());
        assertThat(results.elsewhere).as("the rehearsal's intervals, fifty a second for at least 0.5 s").hasSizeGreaterThan(10);
        assertThat(results.elsewhere.stream().flatMap(s -> s.requests().stream()).mapToLong(r -> r.count()).sum())
                .as("the rehearsal's transactions and statements").isPositive();
        assertThat(results.requests(f)).as("the run's folder sees the run's transactions only").isEqualTo(40);
    }

    @Test
    void theOutputsSeeTheWholeRunAndTheFolderIsCompletedAfterPgbenchsReport() throws IOException {
        String f = Db.selectScript(dir);
        FakeResultsFolder results = new FakeResultsFolder(dir);
        Path out = dir.resolve("run1");
        Db db = Db.run(results, "-n", "-c", "2", "-T", "2", "-f", f, "--out", out.toString(), "--threshold", "p95 < 10s");

        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(results.preparedFor).isEqualTo(out);
        assertThat(results.info.runId()).isEqualTo("run1");
        assertThat(results.info.config().scenario().name()).isEqualTo("carga db: " + f);
        assertThat(results.info.config().load().describe()).isEqualTo("closed: up to 2 users for 2s");
        assertThat(results.info.config().target()).startsWith("jdbc:postgresql://");
        long tx = processed(db.out());
        assertThat(results.requests(f)).as("every transaction reached the outputs").isEqualTo(tx);
        assertThat(results.requests(f + ":2")).isEqualTo(tx);
        assertThat(results.snapshots).as("one-second intervals over 2 s").hasSizeBetween(2, 4);
        assertThat(results.snapshots.stream().mapToInt(s -> s.users()).max()).hasValue(2);
        assertThat(results.completed).isSameAs(results.finished);
        assertThat(results.completed.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(results.completed.aggregate().total().count(Outcome.OK)).isEqualTo(2 * tx);
        assertThat(results.verdicts).extracting(Verdict::status).containsExactly(Verdict.Status.PASSED);
        String o = db.out();
        assertThat(o.indexOf("tps = ")).isLessThan(o.indexOf("carga: latency percentiles"));
        assertThat(o.indexOf("carga: latency percentiles")).isLessThan(o.indexOf("carga: thresholds"));
        assertThat(o.strip()).endsWith("results: " + out);
    }

    @Test
    void aTransactionCountRunIsNamedSoAndTheDefaultFolderIsTheCliS() throws IOException {
        FakeResultsFolder results = new FakeResultsFolder(dir);
        Db db = Db.run(results, "-n", "-c", "2", "-t", "5", "-f", Db.selectScript(dir));

        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(results.preparedFor).as("no --out: the folder's own default").isNull();
        assertThat(results.info.runId()).isEqualTo("default");
        assertThat(results.info.config().load().describe()).isEqualTo("iterations: 5 per user by 2 users");
        assertThat(results.completed.aggregate().total().count(Outcome.OK)).isEqualTo(20);
    }

    @Test
    void anOutputThatStopsTheRunEndsItEarlyWithExitStatus3() throws IOException {
        FakeResultsFolder results = new FakeResultsFolder(dir,
                info -> info.control().stop(StopReason.ABORTED, "budget exceeded"));
        long t0 = System.nanoTime();
        Db db = Db.run(results, "-n", "-c", "2", "-T", "30", "-f", Db.selectScript(dir));

        assertThat(db.exit()).as(db.err()).isEqualTo(DbCommand.EXIT_ABORTED);
        assertThat((System.nanoTime() - t0) / 1e9).as("stopped after the first interval, not at -T").isLessThan(10);
        assertThat(db.out()).contains("tps = ");
        assertThat(results.completed.cause()).isEqualTo("budget exceeded");
    }

    @Test
    void outWithoutAResultsFolderIsAUsageError() throws IOException {
        Db db = Db.run("-n", "-t", "1", "-f", Db.selectScript(dir), "--out", dir.resolve("x").toString());
        assertThat(db.exit()).isEqualTo(DbCommand.EXIT_USAGE);
        assertThat(db.err()).contains("--out: this carga db writes no results folder");
    }

    @Test
    void aFolderThatCannotBeWrittenStopsBeforeAnythingConnects() throws IOException {
        ResultsFolder unwritable = new FakeResultsFolder(dir) {
            @Override
            public Path prepare(Path out) throws IOException {
                throw new IOException("results folder /nope is not writable");
            }
        };
        Db db = Db.run(unwritable, "-n", "-t", "1", "-f", Db.selectScript(dir));
        assertThat(db.exit()).isEqualTo(DbCommand.EXIT_USAGE);
        assertThat(db.err()).contains("results folder /nope is not writable");
        assertThat(db.out()).doesNotContain("carga db (pgbench-compatible");
    }
}
