package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serialization and deadlock errors fail the transaction and the run goes on; -C reconnects. */
class FailuresTest {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void tables() {
        assertThat(Db.run("-i", "-s", "1", "-q").exit()).isZero();
    }

    @Test
    void serializationFailuresAreCountedNotFatal() throws IOException {
        Path f = dir.resolve("fail.sql");
        Files.writeString(f, """
                BEGIN;
                SELECT 1;
                \\if :client_id = 0
                DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$;
                \\endif
                END;
                """);
        Db db = Db.run("-n", "-c", "2", "-t", "3", "-f", f.toString());
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.out()).contains("number of transactions actually processed: 3/6",
                "number of failed transactions: 3 (50.000%)", "(including failures)");
    }

    @Test
    void connectPerTransaction() {
        Db db = Db.run("-n", "-C", "-c", "2", "-t", "3", "-S");
        assertThat(db.exit()).as(db.err()).isZero();
        assertThat(db.out()).contains("number of transactions actually processed: 6/6").containsPattern("average connection time = [0-9.]+ ms")
                .containsPattern("tps = [0-9.]+ \\(including reconnection times\\)");
    }

    @Test
    void connectionOptionsBuildAJdbcUrl() {
        DbCommand c = new DbCommand();
        new picocli.CommandLine(c).parseArgs("-h", "db.example", "-p", "6543", "-U", "bench", "-d", "shop");
        assertThat(c.connections().url()).isEqualTo("jdbc:postgresql://db.example:6543/shop");
        assertThat(c.connections().properties().getProperty("user")).isEqualTo("bench");
        DbCommand last = new DbCommand();
        new picocli.CommandLine(last).parseArgs("-h", "/var/run/postgresql", "-U", "bench", "shop");
        assertThat(last.connections().url()).endsWith("//localhost:" + last.connections().url().replaceAll(".*:(\\d+)/.*", "$1") + "/shop");
    }
}
