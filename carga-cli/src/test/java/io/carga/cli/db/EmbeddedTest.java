package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.pgbench.CapturedConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** --embedded: a throwaway PostgreSQL, initialized with pgbench's tables for a builtin script. */
@Timeout(120)
class EmbeddedTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void runsABuiltinOnAThrowawayServer() {
        CapturedConsole cc = new CapturedConsole();
        CommandLine cl = new CommandLine(new DbCommand(cc.console));
        int exit = cl.execute("--embedded", "-s", "1", "-c", "2", "-t", "5", "-S", "--out", dir.resolve("run").toString());
        assertThat(exit).as(cc.err()).isZero();
        assertThat(cc.err()).contains("starting an embedded PostgreSQL", "creating tables...");
        assertThat(cc.out()).contains("transaction type: <builtin: select only>", "scaling factor: 1",
                "number of transactions actually processed: 10/10");
    }
}
