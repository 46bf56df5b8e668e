package io.carga.pgbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.pgbench.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up rehearsal (the scripts' queries, read-only, before the clock): it runs the scripts' queries,
 * and leaves no trace a run could see: no row written, no shell command run, the same random draws.
 */
@Timeout(90)
class RehearsalTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void initialize() {
        Db db = Db.run("-i", "-s", "1", "-q");
        assertThat(db.exit()).as(db.err()).isZero();
        TestDb.exec("DROP TABLE IF EXISTS carga_probe", "CREATE TABLE carga_probe (n int)", "INSERT INTO carga_probe VALUES (1)");
    }

    @Test
    void writesNothingAndLeavesTheRandomDrawsAsTheyWere() throws Exception {
        TestDb.exec("TRUNCATE pgbench_history");
        Db cold = Db.run("-n", "-c", "1", "-t", "5", "--random-seed", "7", "-b", "tpcb-like");
        assertThat(cold.exit()).as(cold.err()).isZero();
        List<String> coldRows = history();

        TestDb.exec("TRUNCATE pgbench_history");
        Db warm = Db.run("-n", "-c", "1", "-t", "5", "--random-seed", "7", "-b", "tpcb-like", "--warmup", "200");
        assertThat(warm.exit()).as(warm.err()).isZero();
        assertThat(warm.err()).contains("then the scripts, read-only");

        assertThat(coldRows).hasSize(5);
        assertThat(history()).as("rows written, and the draws behind them").isEqualTo(coldRows);
    }

    @Test
    void runsTheScriptsQueriesButNoShellCommand() throws Exception {
        Path marks = dir.resolve("marks.txt");
        Path script = dir.resolve("probe.sql");
        Files.writeString(script, "\\shell sh -c \"echo x >> " + marks + "\"\nSELECT count(*) FROM carga_probe;\n");
        long scansBefore = seqScans();

        Db db = Db.run("-n", "-c", "1", "-t", "3", "-f", script.toString(), "--warmup", "100");

        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(Files.readAllLines(marks)).as("one shell command per measured transaction").hasSize(3);
        // A shell command comes first in this script, so the rehearsal stops before its query: no scan from it.
        assertThat(awaitSeqScans(scansBefore + 3) - scansBefore).isEqualTo(3);

        Path queryOnly = dir.resolve("query.sql");
        Files.writeString(queryOnly, "SELECT count(*) FROM carga_probe;\nINSERT INTO carga_probe VALUES (2);\n");
        long before = awaitSeqScans(0);
        Db rehearsed = Db.run("-n", "-c", "1", "-t", "3", "-f", queryOnly.toString(), "--warmup", "100");
        assertThat(rehearsed.exit()).as(rehearsed.err()).isZero();
        assertThat(awaitSeqScans(before + 4) - before).as("the run's 3 scans and the rehearsal's").isGreaterThan(3);
        assertThat(count("SELECT count(*) FROM carga_probe WHERE n = 2")).as("inserted by the run only").isEqualTo(3);
    }

    @Test
    void logsTheRunsTransactionsOnly() throws Exception {
        String prefix = dir.resolve("tx").toString();
        Db db = Db.run("-n", "-c", "2", "-j", "1", "-t", "4", "-S", "-l", "--log-prefix", prefix, "--warmup", "200");

        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.err()).contains("then the scripts, read-only");
        List<Path> logs;
        try (var files = Files.list(dir)) {
            logs = files.toList();
        }
        assertThat(logs).hasSize(1);
        assertThat(Files.readAllLines(logs.get(0))).as("2 clients x 4 transactions, none of the rehearsal's")
                .hasSize(8).allMatch(l -> l.matches("[01] [1-4] .*"));
    }

    private static List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDb.connections().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tid, bid, aid, delta FROM pgbench_history ORDER BY mtime, ctid")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
            }
        }
        return rows;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDb.connections().open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long seqScans() throws SQLException {
        return count("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'carga_probe'");
    }

    /** The server publishes a closed backend's statistics shortly after: wait (at most 5 s) until they show. */
    private static long awaitSeqScans(long atLeast) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long n = seqScans();
        while (n < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
            n = seqScans();
        }
        Thread.sleep(300);   // and a moment more, so that a late flush is counted too
        return seqScans();
    }
}
