package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every meta-command, run by carga db against the embedded PostgreSQL. */
@Timeout(60)
class MetaCommandTest {

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static List<String> debugValues(String err) {
        return err.lines().filter(l -> l.startsWith("debug(")).map(l -> l.substring(l.indexOf("): ") + 3)).toList();
    }

    @Test
    void conditionalsNestAndSkipLikePgbench() throws IOException {
        String f = file("if.sql", """
                \\set x 3
                \\if :x = 1
                \\set r debug(1)
                \\elif :x = 3
                  \\if false
                  \\set r debug(99)
                  \\elif NULL
                  \\set r debug(98)
                  \\else
                  \\set r debug(31)
                  \\endif
                \\elif debug(:x) = 3
                \\set r debug(97)
                \\else
                \\set r debug(96)
                \\endif
                \\if 0
                \\if 1
                \\set r debug(95)
                \\endif
                \\else
                \\set r debug(:r + 1)
                \\endif
                SELECT 1;
                """);
        Db db = Db.run("-n", "-t", "1", "-f", f);
        assertThat(db.exit()).isZero();
        assertThat(debugValues(db.err())).containsExactly("int 31", "int 32");
    }

    @Test
    void gsetAndAsetStoreColumns() throws IOException {
        String f = file("gset.sql", """
                SELECT 7 AS a, 'x' AS b, NULL AS n \\gset
                SELECT 1 AS c \\; SELECT 2 AS d \\aset p_
                SELECT 5 AS e WHERE false \\aset
                \\set r debug(:a + :p_c + :p_d)
                \\set s debug(:n IS NULL)
                """);
        Db db = Db.run("-n", "-t", "1", "-f", f);
        assertThat(debugValues(db.err())).containsExactly("int 10");
        // PQgetvalue gives "" for a NULL column, and an empty string is no value: the client aborts
        assertThat(db.exit()).as("a client aborted").isEqualTo(io.carga.cli.ExitCode.CLIENT_ABORTED.code());
        assertThat(db.err()).contains("malformed variable \"n\" value: \"\"");
    }

    @Test
    void gsetNeedsExactlyOneRow() throws IOException {
        String f = file("gset0.sql", "SELECT 1 AS a WHERE false \\gset\n");
        Db db = Db.run("-n", "-t", "1", "-f", f);
        assertThat(db.exit()).as("a client aborted").isEqualTo(io.carga.cli.ExitCode.CLIENT_ABORTED.code());
        assertThat(db.err()).contains("expected one row, got 0").contains("Run was aborted");
    }

    @Test
    void sleepUnitsAndVariables() throws IOException {
        String f = file("sleep.sql", """
                \\set d 30
                \\sleep 30 ms
                \\sleep 30000 us
                \\sleep :d ms
                \\sleep 0
                SELECT 1;
                """);
        Db db = Db.run("-n", "-t", "1", "-r", "-f", f);
        assertThat(db.exit()).isZero();
        Matcher m = Pattern.compile("(?m)^\\s+([0-9.]+)\\s+0\\s+\\\\sleep (30 ms|30000 us|:d ms)$").matcher(db.out());
        int found = 0;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(1))).isBetween(29.0, 200.0);
            found++;
        }
        assertThat(found).isEqualTo(3);
    }

    @Test
    void shellAndSetshell() throws IOException {
        String f = file("shell.sql", """
                \\set base 40
                \\setshell v echo :base
                \\setshell w echo 2
                \\shell true ::literal
                \\set r debug(:v + :w)
                SELECT 1;
                """);
        Db db = Db.run("-n", "-t", "1", "-f", f);
        assertThat(db.exit()).isZero();
        assertThat(debugValues(db.err())).containsExactly("int 42");

        String bad = file("badshell.sql", "\\setshell v echo notanumber\nSELECT 1;\n");
        Db b = Db.run("-n", "-t", "1", "-f", bad);
        assertThat(b.exit()).as("a client aborted").isEqualTo(io.carga.cli.ExitCode.CLIENT_ABORTED.code());
        assertThat(b.err()).contains("echo: shell command must return an integer (not \"notanumber\")");
    }

    @Test
    void automaticVariablesAndDefines() throws IOException {
        String f = file("auto.sql", "\\set r debug(:client_id + :scale * 100)\n\\set s debug(:random_seed)\n"
                + "\\set t debug(:greeting)\nSELECT 1;\n");
        Db db = Db.run("-n", "-c", "3", "-t", "1", "-s", "5", "--random-seed=42", "-D", "greeting=hello", "-f", f);
        // "hello" is not a number: the clients abort at the third \set
        assertThat(db.exit()).as("a client aborted").isEqualTo(io.carga.cli.ExitCode.CLIENT_ABORTED.code());
        assertThat(db.err()).contains("malformed variable \"greeting\" value: \"hello\"");
        Db ok = Db.run("-n", "-c", "3", "-t", "1", "-s", "5", "--random-seed=42", "-D", "greeting=1.5", "-f", f);
        assertThat(ok.exit()).isZero();
        assertThat(debugValues(ok.err())).containsExactlyInAnyOrder(
                "int 500", "int 501", "int 502", "int 42", "int 42", "int 42", "double 1.5", "double 1.5", "double 1.5");
        Db over = Db.run("-n", "-t", "1", "-D", "scale=7", "-D", "greeting=0", "-f", f);
        assertThat(debugValues(over.err())).startsWith("int 700");
    }

    @Test
    void sqlVariablesAreSubstitutedInEveryProtocol() throws IOException {
        String f = file("sub.sql", """
                \\set a 20
                \\set b 22
                SELECT :a::int + :b::int AS s \\gset
                \\set r debug(:s)
                """);
        for (String mode : List.of("simple", "extended", "prepared")) {
            Db db = Db.run("-n", "-t", "2", "-M", mode, "-f", f);
            assertThat(db.exit()).as(mode + ": " + db.err()).isZero();
            assertThat(debugValues(db.err())).as(mode).containsExactly("int 42", "int 42");
            assertThat(db.out()).contains("query mode: " + mode);
        }
    }

    @Test
    void endingInsideATransactionAbortsTheClient() throws IOException {
        String f = file("open.sql", "BEGIN;\nSELECT 1;\n");
        Db db = Db.run("-n", "-t", "1", "-f", f);
        assertThat(db.exit()).as("a client aborted").isEqualTo(io.carga.cli.ExitCode.CLIENT_ABORTED.code());
        assertThat(db.err()).contains("end of script reached without completing the last transaction");
    }
}
