package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.pgbench.TestDb;
import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.ScriptParser;
import io.carga.pgbench.script.Variables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session rehearsing ({@link Session#rehearse}): what reaches the server, and what is left afterwards. */
class SessionRehearsalTest {
    private static final String SCRIPT = """
            BEGIN;
            UPDATE carga_rehearsed SET n = n + 1;
            INSERT INTO carga_rehearsed VALUES (:x);
            DELETE FROM carga_rehearsed WHERE n = 1;
            SELECT count(*) FROM carga_rehearsed;
            END;
            """;

    private Command[][] scripts;
    private final Variables vars = new Variables();

    @BeforeEach
    void table() {
        TestDb.exec("DROP TABLE IF EXISTS carga_rehearsed", "CREATE TABLE carga_rehearsed (n int)",
                "INSERT INTO carga_rehearsed VALUES (1)");
        scripts = new Command[][] {ScriptParser.parse(SCRIPT, "t.sql", 1).commands().toArray(Command[]::new)};
        vars.putString("test", "x", "7");
    }

    @Test
    void sendsTheStandInsAndLeavesTheSessionAsItWas() throws Exception {
        try (Connection c = TestDb.connections().open(QueryMode.SIMPLE, false);
             JdbcSession s = new JdbcSession(c, QueryMode.SIMPLE, new int[] {scripts[0].length}, 0, null)) {
            s.rehearse(scripts, true);
            assertThat(setting(c, "default_transaction_read_only")).isEqualTo("on");
            runAll(s);
            assertThat(rows(c, "SELECT count(*) FROM pg_temp." + StandIn.TABLE)).as("the stand-ins' table, empty").isZero();
            assertThat(s.inTransaction()).isFalse();
            s.rehearse(scripts, false);

            assertThat(setting(c, "default_transaction_read_only")).isEqualTo("off");
            assertThat(rows(c, "SELECT count(*) FROM pg_class WHERE relname = '" + StandIn.TABLE + "'")).as("dropped").isZero();
            assertThat(rows(c, "SELECT count(*) FROM carga_rehearsed WHERE n = 1")).as("the table, untouched").isEqualTo(1);

            runAll(s);   // the run itself: the script's own statements again
            assertThat(rows(c, "SELECT count(*) FROM carga_rehearsed WHERE n = 7")).isEqualTo(1);
            assertThat(rows(c, "SELECT count(*) FROM carga_rehearsed WHERE n = 2")).isEqualTo(1);
        }
    }

    @Test
    void aQueryThatWritesFailsInsteadOfWriting() throws Exception {
        Command[][] writing = {ScriptParser.parse("SELECT n FROM carga_rehearsed FOR UPDATE;\n", "w.sql", 1)
                .commands().toArray(Command[]::new)};
        try (Connection c = TestDb.connections().open(QueryMode.SIMPLE, false);
             JdbcSession s = new JdbcSession(c, QueryMode.SIMPLE, new int[] {1}, 0, null)) {
            s.rehearse(writing, true);
            assertThatThrownBy(() -> s.execute(0, 0, (Command.Sql) writing[0][0], vars))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            s.rehearse(writing, false);
            s.execute(0, 0, (Command.Sql) writing[0][0], vars);   // and the run's own goes through
        }
    }

    @Test
    void theExtendedProtocolsSendTheQueriesOnly() throws Exception {
        try (Connection c = TestDb.connections().open(QueryMode.PREPARED, false);
             JdbcSession s = new JdbcSession(c, QueryMode.PREPARED, new int[] {scripts[0].length}, 0, null)) {
            s.rehearse(scripts, true);
            runAll(s);
            assertThat(s.inTransaction()).as("no BEGIN sent").isFalse();
            s.rehearse(scripts, false);
            assertThat(rows(c, "SELECT count(*) FROM carga_rehearsed WHERE n = 1")).isEqualTo(1);
        }
    }

    private void runAll(JdbcSession s) throws SQLException {
        for (int i = 0; i < scripts[0].length; i++) {
            if (scripts[0][i] instanceof Command.Sql sql) s.execute(0, i, sql, vars);
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
