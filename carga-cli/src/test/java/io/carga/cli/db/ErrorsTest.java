package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script and usage errors stop before the run, with exit status 2. */
class ErrorsTest {

    @TempDir
    Path dir;

    @Test
    void scriptErrorsNameFileAndLine() throws IOException {
        Path f = dir.resolve("bad.sql");
        Files.writeString(f, "SELECT 1;\n-- a comment\n\\set x 1 +* 2\n");
        Db db = Db.run("-n", "-t", "1", "-f", f.toString());
        assertThat(db.exit()).isEqualTo(2);
        assertThat(db.err()).contains("carga db: error: " + f + ":3: syntax error in command \"set\"\n\\set x 1 +* 2\n")
                .contains("^ error found here");
        assertThat(db.out()).doesNotContain("transaction type");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Db.run("-t", "1", "-T", "1").err()).contains("specify either a number of transactions (-t) or a duration (-T), not both");
        assertThat(Db.run("-t", "1", "-M", "fancy").exit()).isEqualTo(2);
        assertThat(Db.run("-t", "1", "-b", "nosuch").err()).contains("no builtin script found for name \"nosuch\"");
        assertThat(Db.run("-t", "1", "--aggregate-interval", "1").err()).contains("log aggregation is allowed only when actually logging");
        assertThat(Db.run("-i", "-c", "2").err()).contains("cannot be used in initialization (-i) mode");
        assertThat(Db.run("-i", "-I", "dtx").err()).contains("unrecognized initialization step \"x\"");
        assertThat(Db.run("-t", "1", "-D", "novalue").err()).contains("invalid variable definition: \"novalue\"");
        assertThat(Db.run("-t", "1", "-f", dir.resolve("missing.sql").toString()).err()).contains("could not open file");
        assertThat(Db.run("--bogus").exit()).isEqualTo(2);
    }

    @Test
    void listsAndShowsBuiltins() {
        assertThat(Db.run("-b", "list").err()).contains("    tpcb-like: <builtin: TPC-B (sort of)>");
        assertThat(Db.run("--show-script", "select-only").err()).contains("-- select-only: <builtin: select only>\n\\set aid");
    }
}
