package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.pgbench.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Benchmark runs end to end: initialization, builtins, -R with --latency-limit, logs, the report shape. */
@Timeout(90)
class RunTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void initialize() {
        Db db = Db.run("-i", "-s", "2", "--foreign-keys", "-q");
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.err()).contains("creating tables...", "creating primary keys...", "creating foreign keys...", "done in ");
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as(regex + " in\n" + out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void builtinRunPrintsPgbenchShapeThenPercentiles() {
        Db db = Db.run("-c", "4", "-j", "2", "-t", "25", "-r", "-b", "tpcb-like");
        assertThat(db.exit()).as(db.err()).isZero();
        String out = db.out();
        assertThat(out).contains("transaction type: <builtin: TPC-B (sort of)>\nscaling factor: 2\nquery mode: simple\n"
                + "number of clients: 4\nnumber of threads: 2\nmaximum number of tries: 1\n"
                + "number of transactions per client: 25\nnumber of transactions actually processed: 100/100\n"
                + "number of failed transactions: 0 (0.000%)\nlatency average = ");
        assertThat(out).containsPattern("(?m)^tps = \\d+\\.\\d{6} \\(without initial connection time\\)$");
        assertThat(out).containsPattern("(?m)^statement latencies in milliseconds and failures:$");
        assertThat(out).containsPattern("(?m)^ {3}[ 0-9]{7}\\.\\d{3} {11}0  END;$");
        assertThat(out).contains("carga: latency percentiles in milliseconds");
        assertThat(out).containsPattern("(?m)^ +100 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+  <builtin: TPC-B \\(sort of\\)>$");
        assertThat(out).contains("<builtin: TPC-B (sort of)>:6  UPDATE pgbench_accounts");
        assertThat(out).containsPattern("(?m)^carga: client CPU during the run: \\d+\\.\\d{2} s, \\d+\\.\\d us per transaction");
        assertThat(db.err()).contains("starting vacuum...end.");
        TestDb.exec("select 1"); // the history table got the rows
    }

    /** Each way to run the clients runs them all to the end, -C and \sleep included (the default is a loop per job). */
    @ParameterizedTest
    @ValueSource(strings = {"loop", "platform", "virtual"})
    void everyThreadingRunsEveryClient(String threads) throws IOException {
        Path script = dir.resolve("sleepy.sql");
        Files.writeString(script, "\\set aid random(1, 100000 * :scale)\n\\sleep 1 ms\nSELECT abalance FROM pgbench_accounts WHERE aid = :aid;\n");
        Db db = Db.run("-c", "5", "-j", "2", "-t", "20", "--threads=" + threads, "-f", script.toString());
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.out()).contains("number of clients: 5\nnumber of threads: 2\n",
                "number of transactions actually processed: 100/100\n", "number of failed transactions: 0 (0.000%)");
        Db reconnecting = Db.run("-c", "3", "-j", "2", "-t", "10", "-C", "--threads=" + threads, "-b", "select-only");
        assertThat(reconnecting.exit()).as(reconnecting.err()).isZero();
        assertThat(reconnecting.out()).contains("number of transactions actually processed: 30/30\n");
    }

    @Test
    void weightedScriptsReportPerScript() {
        // -T 2 so the 1 s progress line comes before the end: at -T 1 the run may end first.
        Db db = Db.run("-n", "-c", "2", "-T", "2", "-b", "select-only@3", "-b", "simple-update@1", "-P", "1");
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.out()).contains("transaction type: multiple scripts", "duration: 2 s",
                "SQL script 1: <builtin: select only>\n - weight: 3 (targets 75.0% of total)\n",
                "SQL script 2: <builtin: simple update>\n - weight: 1 (targets 25.0% of total)\n", "latency stddev = ");
        assertThat(db.err()).containsPattern("progress: 1\\.0 s, [0-9.]+ tps, lat [0-9.]+ ms stddev [0-9.]+, 0 failed");
    }

    @Test
    void rateLimitWithLatencyLimitCountsLateAndSkipped() throws IOException {
        Path f = dir.resolve("slow.sql");
        Files.writeString(f, "\\sleep 20 ms\nSELECT 1;\n");
        Db db = Db.run("-n", "-c", "2", "-T", "2", "-R", "300", "-L", "5", "-f", f.toString());
        assertThat(db.exit()).as(db.err()).isZero();
        String out = db.out();
        long processed = number(out, "number of transactions actually processed: (\\d+)");
        long skipped = number(out, "number of transactions skipped: (\\d+)");
        long late = number(out, "above the 5\\.0 ms latency limit: (\\d+)/");
        // each transaction takes 20 ms: 2 clients finish at most ~100/s of the 300/s asked, all late
        assertThat(processed).isBetween(20L, 220L);
        assertThat(late).isEqualTo(processed);
        assertThat(skipped).isGreaterThan(processed);
        assertThat(out).contains("rate limit schedule lag: avg ", "latency stddev = ");
        assertThat(out).contains("(transactions from their schedule)");
    }

    @Test
    void rateLimitPacesTransactions() throws IOException {
        Db db = Db.run("-n", "-c", "2", "-j", "2", "-T", "2", "-R", "100", "-S");
        assertThat(db.exit()).as(db.err()).isZero();
        long processed = number(db.out(), "number of transactions actually processed: (\\d+)");
        assertThat(processed).isBetween(140L, 260L); // Poisson around 200
    }

    @Test
    void perTransactionLogHasPgbenchFormat() throws IOException {
        String prefix = dir.resolve("tx").toString();
        Db db = Db.run("-n", "-c", "3", "-j", "2", "-t", "4", "-S", "-l", "--log-prefix", prefix);
        assertThat(db.exit()).as(db.err()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(files.get(0).getFileName().toString()).matches("tx\\.\\d+");
        assertThat(files.get(1).getFileName().toString()).matches("tx\\.\\d+\\.1");
        List<String> lines = Stream.concat(Files.readAllLines(files.get(0)).stream(), Files.readAllLines(files.get(1)).stream()).toList();
        assertThat(lines).hasSize(12).allMatch(l -> l.matches("[0-2] [1-4] \\d+ 0 \\d{10} \\d{1,6}"));
        assertThat(Files.readAllLines(files.get(0))).allMatch(l -> l.startsWith("0 ") || l.startsWith("1 "));
    }

    @Test
    void aggregatedLogHasPgbenchFormat() throws IOException {
        String prefix = dir.resolve("agg").toString();
        Db db = Db.run("-n", "-c", "2", "-T", "2", "-S", "-R", "200", "-L", "50", "-l", "--aggregate-interval", "1",
                "--log-prefix", prefix);
        assertThat(db.exit()).as(db.err()).isZero();
        Path f;
        try (Stream<Path> s = Files.list(dir)) {
            f = s.findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSizeBetween(1, 3);
        for (String l : lines) {
            String[] v = l.split(" ");
            assertThat(v).hasSize(15);
            assertThat(Long.parseLong(v[0])).isGreaterThan(1_600_000_000L);
            long cnt = Long.parseLong(v[1]);
            assertThat(cnt).isPositive();
            assertThat(Double.parseDouble(v[4])).isLessThanOrEqualTo(Double.parseDouble(v[5])); // min <= max
            assertThat(Double.parseDouble(v[2])).isGreaterThanOrEqualTo(cnt * Double.parseDouble(v[4]));
            assertThat(List.of(v).subList(11, 15)).containsOnly("0");
        }
    }

    @Test
    void partitionedInitializationIsReported() {
        Db init = Db.run("-i", "-s", "1", "--partitions", "3", "-q");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.err()).contains("creating 3 partitions...");
        Db db = Db.run("-t", "2", "-S");
        assertThat(db.out()).contains("scaling factor: 1\npartition method: range\npartitions: 3\n");
        Db back = Db.run("-i", "-s", "2", "--foreign-keys", "-q");
        assertThat(back.exit()).isZero();
    }

    @Test
    void warmUpRunsTheSameLoadFirstAndIsNotCounted() throws Exception {
        Db db = Db.run("-n", "-c", "2", "-t", "3", "-S", "--warmup", "1s");
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.err()).contains("warming up: the same load for 1 s, unrecorded...");
        assertThat(db.out()).contains("number of transactions actually processed: 6/6");
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(db.dir().resolve("summary.json").toFile());
        assertThat(summary.at("/total/count").asLong()).as("the run's transactions and statements only").isEqualTo(12);
        assertThat(Db.run("-n", "-t", "1", "-S", "--warmup", "1500ms").err()).contains("--warmup: carga db warms up in whole seconds");
    }

    @Test
    void clusteredShortOptions() {
        Db db = Db.run("-nSc2", "-t3", "-j2");
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.out()).contains("number of clients: 2", "number of transactions actually processed: 6/6");
    }
}
