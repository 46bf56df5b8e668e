package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.ScriptParser;
import org.junit.jupiter.api.Test;

class StandInTest {

    @Test
    void queriesAreToldApartByTheirFirstWord() {
        assertThat(StandIn.isQuery("SELECT abalance FROM pgbench_accounts WHERE aid = :aid;")).isTrue();
        assertThat(StandIn.isQuery("  -- the history\n  select * from t;")).isTrue();
        assertThat(StandIn.isQuery("VALUES (1)")).isTrue();
        assertThat(StandIn.isQuery("TABLE t")).isTrue();
        assertThat(StandIn.isQuery("SHOW work_mem")).isTrue();
        assertThat(StandIn.isQuery("BEGIN;")).isFalse();
        assertThat(StandIn.isQuery("UPDATE t SET x = 1")).isFalse();
        assertThat(StandIn.isQuery("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")).isFalse();
        assertThat(StandIn.isQuery("SELECTED")).isFalse();
        assertThat(StandIn.isQuery("")).isFalse();
    }

    @Test
    void transactionControlBecomesItsPlainForm() {
        assertThat(StandIn.of("BEGIN;", true)).isEqualTo("BEGIN");
        assertThat(StandIn.of("start transaction read write;", false)).isEqualTo("BEGIN");
        assertThat(StandIn.of("END;", true)).isEqualTo("COMMIT");
        assertThat(StandIn.of("commit and chain", true)).isEqualTo("COMMIT");
        assertThat(StandIn.of("ABORT;", true)).isEqualTo("ROLLBACK");
    }

    @Test
    void writesGoToTheTemporaryTableOrNowhere() {
        String insert = StandIn.of("INSERT INTO pgbench_history (tid) VALUES (:tid);", true);
        assertThat(insert).startsWith("INSERT INTO pg_temp." + StandIn.TABLE).doesNotContain("pgbench");
        assertThat(StandIn.of("-- move money\nupdate pgbench_accounts SET abalance = 0", true))
                .startsWith("UPDATE pg_temp." + StandIn.TABLE);
        assertThat(StandIn.of("DELETE FROM t", true)).isEqualTo("DELETE FROM pg_temp." + StandIn.TABLE);
        assertThat(StandIn.of("INSERT INTO t VALUES (1)", false)).isNull();
        assertThat(StandIn.of("UPDATE t SET x = 1", false)).isNull();
        assertThat(StandIn.of("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", true)).isNull();
        assertThat(StandIn.of("VACUUM t", true)).isNull();
        assertThat(StandIn.of("COPY t FROM STDIN", true)).isNull();
    }

    @Test
    void eachCommandGetsItselfAStandInOrNothing() {
        Command[] cmds = ScriptParser.parse("SELECT 1;\nUPDATE t SET x = 1;\nINSERT INTO t VALUES (1) RETURNING x \\gset\nVACUUM t;\n",
                "s.sql", 1).commands().toArray(Command[]::new);
        assertThat(StandIn.forCommand((Command.Sql) cmds[0], true, true)).as("a query goes as it is").isNull();
        assertThat(StandIn.forCommand((Command.Sql) cmds[1], true, true)).startsWith("UPDATE pg_temp.");
        assertThat(StandIn.forCommand((Command.Sql) cmds[1], false, true)).as("prepared: queries only").isSameAs(StandIn.SKIP);
        assertThat(StandIn.forCommand((Command.Sql) cmds[1], true, false)).as("no table").isSameAs(StandIn.SKIP);
        assertThat(StandIn.forCommand((Command.Sql) cmds[2], true, true)).as("its \\gset needs the real rows").isSameAs(StandIn.SKIP);
        assertThat(StandIn.forCommand((Command.Sql) cmds[3], true, true)).isSameAs(StandIn.SKIP);
    }
}
