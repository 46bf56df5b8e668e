package io.carga.pgbench.run;

import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.Variables;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A session for the warm-up rehearsal: it sends a script's queries ({@code SELECT}, {@code VALUES},
 * {@code TABLE}, {@code SHOW}) and skips every other statement ({@code BEGIN}, {@code INSERT},
 * {@code UPDATE}...). The connection is also read-only meanwhile ({@link Session#readOnly}), so a query
 * that would write (a function, a data-modifying {@code WITH}) fails instead, and the rehearsal stops.
 */
final class ReadOnlySession implements Session {
    private final Session real;

    ReadOnlySession(Session real) {
        this.real = real;
    }

    @Override
    public void execute(int script, int index, Command.Sql cmd, Variables vars) throws SQLException {
        if (isQuery(cmd.text())) real.execute(script, index, cmd, vars);
    }

    /** Whether the statement's first word names a query. */
    static boolean isQuery(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {   // leading blanks and -- comments
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) end++;
        return switch (sql.substring(i, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "VALUES", "TABLE", "SHOW" -> true;
            default -> false;
        };
    }

    @Override
    public void warmUp(int statements) throws SQLException {
        real.warmUp(statements);
    }

    @Override
    public void readOnly(boolean on) throws SQLException {
        real.readOnly(on);
    }

    @Override
    public boolean inTransaction() throws SQLException {
        return real.inTransaction();
    }

    @Override
    public void rollback() throws SQLException {
        real.rollback();
    }

    @Override
    public void close() {
        // the real session belongs to the client: the rehearsal never closes it
    }
}
