package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcSessionTest {

    @Test
    void onlyPlainSingleStatementsSkipTheSqlParser() {
        assertThat(JdbcSession.isSingleStatement("SELECT 1;")).isTrue();
        assertThat(JdbcSession.isSingleStatement("SELECT 1;  \n")).isTrue();
        assertThat(JdbcSession.isSingleStatement("SELECT 1 ")).isTrue();
        assertThat(JdbcSession.isSingleStatement("SELECT 1 ; SELECT 2;")).isFalse();
        assertThat(JdbcSession.isSingleStatement("SELECT ';' AS x;")).isFalse();
        assertThat(JdbcSession.isSingleStatement(";")).isFalse();
        assertThat(JdbcSession.isSingleStatement("  ")).isFalse();
    }
}
