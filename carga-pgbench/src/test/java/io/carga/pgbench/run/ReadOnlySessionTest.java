package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadOnlySessionTest {

    @Test
    void sendsQueriesAndSkipsEveryOtherStatement() {
        assertThat(ReadOnlySession.isQuery("SELECT abalance FROM pgbench_accounts WHERE aid = :aid;")).isTrue();
        assertThat(ReadOnlySession.isQuery("  -- the history\n  select * from t;")).isTrue();
        assertThat(ReadOnlySession.isQuery("VALUES (1)")).isTrue();
        assertThat(ReadOnlySession.isQuery("TABLE t")).isTrue();
        assertThat(ReadOnlySession.isQuery("SHOW work_mem")).isTrue();
        assertThat(ReadOnlySession.isQuery("BEGIN;")).isFalse();
        assertThat(ReadOnlySession.isQuery("UPDATE t SET x = 1")).isFalse();
        assertThat(ReadOnlySession.isQuery("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(ReadOnlySession.isQuery("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")).isFalse();
        assertThat(ReadOnlySession.isQuery("SELECTED")).isFalse();
        assertThat(ReadOnlySession.isQuery("")).isFalse();
    }
}
