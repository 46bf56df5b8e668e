package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.carga.pgbench.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the same scripts through the real {@code pgbench --debug} and {@code carga db --debug}
 * against the same server and compares every value printed by {@code debug()}, every SQL text sent
 * (variables substituted) and every meta-command executed. With a fixed {@code --random-seed}
 * the random functions must agree too, since carga reproduces pgbench's generator.
 */
@Timeout(120)
class ConformanceTest {

    private static final String SCRIPT = """
            -- arithmetic, precedence, doubles
            \\set i debug(1 + 2 * 3 - 4 / 3 % 2)
            \\set d debug(1.0 / 3 * 2.5e3 - pi())
            \\set e debug(-7 / 2 + -7 % 3 + 7.5 / -2)
            \\set big debug(9223372036854775807 - 1)
            \\set tiny debug(1.5e-7 * 3)
            \\set huge debug(12345678.9 * 1e10)
            \\set bits debug(~ :i | 8 # 3 & 5 << 2 >> 1)
            -- hashes and permutations
            \\set h1 debug(hash(:i))
            \\set h2 debug(hash_fnv1a(:big, 7))
            \\set h3 debug(hash_murmur2(-42))
            -- every function that takes a seed, given one: small, negative, wide, from a variable
            \\set hs1 debug(hash(:i, 5))
            \\set hs2 debug(hash(-42, -1))
            \\set hs3 debug(hash(9223372036854775807, 9223372036854775807))
            \\set hs4 debug(hash_murmur2(:big, :random_seed))
            \\set hs5 debug(hash_fnv1a(0, 0))
            \\set hs6 debug(hash_fnv1a(-1))
            \\set hs7 debug(hash_fnv1a(123456789, -9223372036854775807))
            \\set hs8 debug(hash(:i, :default_seed) = hash(:i))
            -- doubles where pgbench wants integers: rounded as C's rint rounds, half to even
            \\set hd1 debug(hash(7, 2.5))
            \\set hd2 debug(hash(2.5, 3))
            \\set hd3 debug(hash_fnv1a(3.5, -0.5))
            \\set hd4 debug(hash_murmur2(-2.5, 1.5))
            \\set ps1 debug(permute(999, 1000, :random_seed))
            \\set ps3 debug(permute(2.5, 1000, 4.5))
            \\set ps2 debug(permute(0, 2, -1))
            \\set p1 debug(permute(:i, 1000, 12345))
            \\set p2 debug(permute(17, 10))
            \\set p3 debug(permute(-5, 1000003, -77))
            -- CASE and NULL logic
            \\set c debug(CASE WHEN :i > 5 THEN :i * 10 WHEN :i > 2 THEN -1 ELSE NULL END)
            \\set c2 debug(case when false then 1 end)
            \\set n debug(NULL IS NULL AND NOT (1 IS NULL) OR false)
            \\set n2 debug(NULL AND true)
            \\set n3 debug(1 + NULL IS NOT NULL)
            \\set n4 debug(:c2 ISNULL)
            \\set cmp debug(1 < 2.0 AND 3 >= 3 AND 2 <> 2.5 AND NOT (4 != 4.0))
            -- functions
            \\set f debug(least(3, 2.5, :i) + greatest(-1, -2))
            \\set m debug(abs(-7) + int(2.5) + int(-3.5) + double(5) / 4 + sqrt(16) + exp(0) + ln(1) + pow(2, 3))
            \\set t debug(ln(10) * exp(2) / sqrt(3) + power(1.5, 2.5))
            -- random draws from the client's generator
            \\set r1 debug(random(1, 1000))
            \\set r2 debug(random_gaussian(1, 1000, 3.0))
            \\set r3 debug(random_exponential(1, 1000, 2.0))
            \\set r4 debug(random_zipfian(1, 1000, 1.07))
            \\set r5 debug(random(-4611686018427387903, 4611686018427387903))
            \\set s debug(:scale + :client_id + :random_seed + :default_seed)
            -- meta-commands and SQL
            \\sleep 1ms
            \\setshell sh echo 41
            SELECT :sh + 1 AS g \\gset
            \\if :g = 42
            SELECT :i, :d, :n, :c2, :e, ':i', (:h1)::text;
            \\elif true
            SELECT 'unreachable';
            \\else
            SELECT 'unreachable';
            \\endif
            \\set last debug(:g)
            """;

    private static Path pgbench;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPgbench() {
        pgbench = Path.of("/usr/bin/pgbench");
        assumeTrue(Files.isExecutable(pgbench),
                "SKIPPED: /usr/bin/pgbench is not installed (apt-get install postgresql-client); the conformance test needs it");
    }

    private static List<String> comparable(String stderr) {
        List<String> out = new ArrayList<>();
        for (String l : stderr.lines().toList()) {
            String s = l.replaceFirst("^pgbench: (debug: )?", "").replaceFirst("^carga db: (debug: )?", "");
            if (s.startsWith("debug(") || s.matches("client \\d+ (sending|executing) .*")) out.add(s);
        }
        return out;
    }

    private String pgbench(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(pgbench.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(TestDb.get().port()), "-U", "postgres"));
        cmd.addAll(List.of(args));
        cmd.add("postgres");
        Path err = dir.resolve("pgbench.err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(dir.resolve("pgbench.out").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void oneClientSameValuesSameSqlSameCommands() throws Exception {
        Path f = dir.resolve("conformance.sql");
        Files.writeString(f, SCRIPT);
        String[] args = {"-n", "-t", "3", "--random-seed=1234", "--debug", "-f", f.toString()};
        List<String> expected = comparable(pgbench(args));
        Db db = Db.run(args);
        assertThat(db.exit()).as(db.err()).isZero();
        List<String> actual = comparable(db.err());
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** The catalog of pgbench's tables: columns, options, persistence, partitions, constraints, data. */
    private static List<String> catalog(String db) throws java.sql.SQLException {
        String url = TestDb.get().jdbcUrl().replaceFirst("/postgres$", "/" + db);
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
             java.sql.Statement st = c.createStatement()) {
            for (String q : List.of(
                    "SELECT table_name, ordinal_position, column_name, data_type, character_maximum_length, is_nullable"
                            + " FROM information_schema.columns WHERE table_name LIKE 'pgbench%' ORDER BY 1, 2",
                    "SELECT relname, relkind, relpersistence, coalesce(array_to_string(reloptions, ','), ''),"
                            + " coalesce(pg_get_expr(relpartbound, oid), '') FROM pg_class WHERE relname LIKE 'pgbench%' ORDER BY 1",
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                            + " WHERE conrelid::regclass::text LIKE 'pgbench%' ORDER BY 1, 2",
                    "SELECT count(*), sum(aid), sum(bid), sum(abalance), min(filler), max(length(filler)) FROM pgbench_accounts",
                    "SELECT count(*), sum(tid), sum(bid), count(filler) FROM pgbench_tellers",
                    "SELECT count(*), sum(bid), count(filler) FROM pgbench_branches")) {
                try (java.sql.ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('|');
                        rows.add(sb.toString());
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void initializationCreatesTheSameTablesAsPgbench() throws Exception {
        TestDb.exec("DROP DATABASE IF EXISTS init_pgbench", "DROP DATABASE IF EXISTS init_carga",
                "CREATE DATABASE init_pgbench", "CREATE DATABASE init_carga");
        String[] init = {"-i", "-s", "2", "-F", "90", "--foreign-keys", "--unlogged-tables", "--partitions", "3", "-q"};
        List<String> cmd = new ArrayList<>(List.of(pgbench.toString(), "-h", "127.0.0.1", "-p", String.valueOf(TestDb.get().port()),
                "-U", "postgres"));
        cmd.addAll(List.of(init));
        cmd.add("init_pgbench");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("init.out").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("init.out"))).isZero();

        io.carga.pgbench.CapturedConsole cc = new io.carga.pgbench.CapturedConsole();
        List<String> args = new ArrayList<>(List.of("--jdbc-url", TestDb.get().jdbcUrl().replaceFirst("/postgres$", "/init_carga"),
                "-U", "postgres"));
        args.addAll(List.of(init));
        assertThat(new picocli.CommandLine(new DbCommand(cc.console)).execute(args.toArray(String[]::new))).as(cc.err()).isZero();

        List<String> expected = catalog("init_pgbench");
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(catalog("init_carga")).containsExactlyElementsOf(expected);
    }

    @Test
    void severalClientsDrawTheSameRandomNumbers() throws Exception {
        Path f = dir.resolve("random.sql");
        Files.writeString(f, """
                \\set a debug(random(1, 100000 * :scale) + :client_id * 1000000)
                \\set b debug(hash(:a))
                \\set c debug(permute(:a, 1000))
                SELECT :a, :b, :c;
                """);
        String[] args = {"-n", "-c", "4", "-t", "5", "--random-seed=987654321", "-s", "3", "--debug", "-f", f.toString()};
        // one pgbench thread, so that its lines do not interleave; carga's -j does not change the draws
        List<String> expected = new ArrayList<>(comparable(pgbench(args)));
        String[] cargaArgs = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-j", "2"))
                .toArray(String[]::new);
        Db db = Db.run(cargaArgs);
        assertThat(db.exit()).as(db.err()).isZero();
        List<String> actual = new ArrayList<>(comparable(db.err()));
        expected.sort(null);
        actual.sort(null);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
