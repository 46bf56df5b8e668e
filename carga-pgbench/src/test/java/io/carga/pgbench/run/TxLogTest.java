package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden lines of pgbench's two log formats. */
class TxLogTest {

    @TempDir
    Path dir;

    @Test
    void perTransactionLines() throws IOException {
        Path f = TxLog.path(dir, null, 4242, 1);
        assertThat(f.getFileName().toString()).isEqualTo("pgbench_log.4242.1");
        try (TxLog log = new TxLog(f, 0, true, false)) {
            log.transaction(3, 1, false, StatsData.Failure.NONE, 881.5, 12.5, 0, 1_795_718_477_219_990L);
            log.transaction(3, 2, true, StatsData.Failure.NONE, 0, 0, 1, 1_795_718_478_000_001L);
            log.transaction(4, 7, false, StatsData.Failure.SERIALIZATION, 0, 0, 0, 1_795_718_479_000_000L);
        }
        assertThat(Files.readAllLines(f)).containsExactly(
                "3 1 882 0 1795718477 219990 12",
                "3 2 skipped 1 1795718478 1 0",
                "4 7 failed 0 1795718479 0 0");
    }

    @Test
    void aggregatedLines() throws IOException {
        Path f = TxLog.path(dir, "agg", 7, 0);
        try (TxLog log = new TxLog(f, 1, false, true)) {
            log.start(1_795_718_477_500_000L);
            log.transaction(0, 1, false, StatsData.Failure.NONE, 200, 0, 0, 1_795_718_477_600_000L);
            log.transaction(0, 2, false, StatsData.Failure.NONE, 300, 0, 0, 1_795_718_477_900_000L);
            log.transaction(1, 1, true, StatsData.Failure.NONE, 0, 0, 0, 1_795_718_477_950_000L);
            // two seconds later: the interval of ...478 is empty and still printed
            log.transaction(1, 2, false, StatsData.Failure.NONE, 100, 0, 0, 1_795_718_479_100_000L);
        }
        assertThat(Files.readAllLines(f)).startsWith(
                "1795718477 2 500 130000 200 300 0 0 0 0 1 0 0 0 0",
                "1795718478 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
    }
}
