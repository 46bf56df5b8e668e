package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --threshold: carga's verdicts after pgbench's report; a failed one exits 1. */
class ThresholdsTest {

    @TempDir
    Path dir;

    @Test
    void passingAndFailingThresholds() throws IOException {
        String f = Db.selectScript(dir);
        Db ok = Db.run("-n", "-c", "2", "-t", "20", "-f", f, "--threshold", "p95 < 10s", "--threshold", "error_rate < 1%",
                "--threshold", "p99{name=" + f + ":2} < 10s");
        assertThat(ok.exit()).as(ok.err() + ok.out()).isZero();
        assertThat(ok.out()).contains("thresholds:").containsPattern("(?m)^  ✓ p95 < 10s: measured ");
        assertThat(ok.out().lines().filter(l -> l.startsWith("  ✓ ")).count()).isEqualTo(3);

        Db fail = Db.run("-n", "-c", "2", "-t", "20", "-f", f, "--threshold", "p50 < 1us");
        assertThat(fail.exit()).isEqualTo(1);
        assertThat(fail.out()).containsPattern("(?m)^  ✗ p50 < 0.001ms: measured ");
    }

    @Test
    void invalidThresholdIsAUsageError() throws IOException {
        Db db = Db.run("-n", "-t", "1", "-f", Db.selectScript(dir), "--threshold", "p95 <");
        assertThat(db.exit()).isEqualTo(2);
        assertThat(db.err()).contains("invalid threshold \"p95 <\"");
        assertThat(db.out()).doesNotContain("transaction type");
    }
}
