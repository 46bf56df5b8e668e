package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.cli.ExitCode;
import io.carga.pgbench.TestDb;
import org.junit.jupiter.api.Test;

/** carga db's exit codes are carga's: a client that aborted has its own, and a wrong command line keeps 2. */
class ExitStatusTest {

    @Test
    void aClientAbortedOnAnSqlErrorIsClientAbortedNotUsage() {
        TestDb.exec("DROP TABLE IF EXISTS exit_status_t", "CREATE TABLE exit_status_t (k int)");
        Db db = Db.run("-n", "-c", "1", "-t", "3", "-f", script("SELECT no_such_column FROM exit_status_t;"));
        assertThat(db.exit()).as(db.err()).isEqualTo(ExitCode.CLIENT_ABORTED.code()).isEqualTo(7);
        assertThat(db.err()).contains("Run was aborted; the above results are incomplete.");
        assertThat(db.dir().resolve("summary.json")).as("the run's folder is still written").isNotEmptyFile();
    }

    @Test
    void aWrongCommandLineIsUsage() {
        assertThat(Db.run("-t", "1", "-c", "0").exit()).isEqualTo(ExitCode.USAGE.code());
    }

    private static String script(String sql) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("exit-status", ".sql");
            java.nio.file.Files.writeString(f, sql + "\n");
            return f.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
