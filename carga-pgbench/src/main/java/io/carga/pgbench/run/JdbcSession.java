package io.carga.pgbench.run;

import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.Variables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.function.Consumer;
import java.sql.SQLWarning;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.SqlCommandType;
import org.postgresql.core.v3.QueryExecutorImpl;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.postgresql.core.TransactionState;

/**
 * A {@link Session} over PgJDBC. The protocol follows {@code -M}: the simple protocol sends the
 * substituted text through one reused {@link Statement}; the extended and prepared ones keep one
 * {@link PreparedStatement} per command (the connection's {@code prepareThreshold} decides whether
 * the server prepares it once or parses it each time) with variables as untyped text parameters.
 */
final class JdbcSession implements Session {
    private final Connection conn;
    private final BaseConnection base;
    private final QueryExecutor executor;
    private final QueryExecutorImpl wrapper;
    private final QueryMode mode;
    private final Statement statement;
    private final PreparedStatement[][] prepared;
    private final int clientId;
    private final Consumer<String> debug;

    JdbcSession(Connection conn, QueryMode mode, int[] commandsPerScript, int clientId, Consumer<String> debug)
            throws SQLException {
        this.conn = conn;
        this.base = conn.unwrap(BaseConnection.class);
        this.executor = base.getQueryExecutor();
        this.wrapper = executor instanceof QueryExecutorImpl impl ? impl : null;
        this.mode = mode;
        this.clientId = clientId;
        this.debug = debug;
        this.statement = mode == QueryMode.SIMPLE ? conn.createStatement() : null;
        if (statement != null) statement.setEscapeProcessing(false);
        this.prepared = new PreparedStatement[commandsPerScript.length][];
        for (int i = 0; i < commandsPerScript.length; i++) {
            prepared[i] = new PreparedStatement[commandsPerScript[i]];
        }
    }

    @Override
    public void execute(int script, int index, Command.Sql cmd, Variables vars) throws SQLException {
        Statement st;
        boolean hasResult;
        if (mode == QueryMode.SIMPLE) {
            String sql = cmd.substitute(vars);
            if (debug != null) debug.accept("client " + clientId + " sending " + sql);
            if (cmd.meta() == Command.Meta.NONE) {
                executeSimple(sql);
                return;
            }
            st = statement;
            hasResult = st.execute(sql);
        } else {
            PreparedStatement ps = prepared[script][index];
            if (ps == null) {
                if (debug != null && mode == QueryMode.PREPARED) {
                    debug.accept("client " + clientId + " preparing P_" + script + "_" + index);
                }
                ps = conn.prepareStatement(cmd.paramSql());
                ps.setEscapeProcessing(false);
                prepared[script][index] = ps;
            }
            String[] names = cmd.paramNames();
            for (int i = 0; i < names.length; i++) {
                String v = vars.getString(names[i]);
                if (v == null) ps.setNull(i + 1, Types.OTHER);
                else ps.setObject(i + 1, v, Types.OTHER);
            }
            if (debug != null) {
                debug.accept("client " + clientId + " sending "
                        + (mode == QueryMode.PREPARED ? "P_" + script + "_" + index : cmd.paramSql()));
            }
            st = ps;
            hasResult = ps.execute();
        }
        if (cmd.meta() != Command.Meta.NONE) storeResults(st, hasResult, cmd, vars, script, index);
    }

    /**
     * The hot path of {@code -M simple}: one Query message through PgJDBC's query executor, rows
     * discarded as they are decoded, no ResultSet built (a third of the client's CPU per statement).
     */
    private void executeSimple(String sql) throws SQLException {
        Query q = wrapper != null && isSingleStatement(sql)
                ? wrapper.wrap(List.of(new NativeQuery(sql, ANY_COMMAND)))
                : executor.createSimpleQuery(sql);
        try {
            executor.execute(q, q.createParameterList(), new Discard(), 0, 0, SIMPLE_FLAGS);
        } finally {
            q.close();
        }
    }

    /** PgJDBC only reads a query's command type to rewrite batches, which a simple query never is. */
    private static final SqlCommand ANY_COMMAND = SqlCommand.createStatementTypeInfo(SqlCommandType.BLANK);

    /**
     * Whether the text is one statement: no semicolon but a trailing one. Then PgJDBC's SQL parser
     * (a fifth of the client's time on the spec's 5.1 script) can be skipped: the text goes as is.
     * Anything else (a {@code \;} compound, a semicolon in a string or comment) is parsed.
     */
    static boolean isSingleStatement(String sql) {
        int semi = sql.indexOf(';');
        if (semi < 0) return !sql.isBlank();
        for (int i = semi + 1; i < sql.length(); i++) {
            if (!Character.isWhitespace(sql.charAt(i))) return false;
        }
        return semi > 0;
    }

    private static final int SIMPLE_FLAGS = QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_SUPPRESS_BEGIN
            | QueryExecutor.QUERY_ONESHOT;

    /** Keeps the first error; PgJDBC throws it from handleCompletion at the end of execute. */
    private static final class Discard extends ResultHandlerBase {
        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            // pgbench discards results too (unless \gset or \aset, which take the JDBC path)
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            // notices are ignored, as pgbench ignores them
        }
    }

    private void storeResults(Statement st, boolean hasResult, Command.Sql cmd, Variables vars, int script, int index)
            throws SQLException {
        boolean gset = cmd.meta() == Command.Meta.GSET;
        String context = gset ? "gset" : "aset";
        boolean isRs = hasResult;
        for (int qrynum = 0; isRs || st.getUpdateCount() != -1; qrynum++) {
            String[] labels = null;
            String[] row = null;
            int rows = 0;
            if (isRs) {
                try (ResultSet rs = st.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    labels = new String[md.getColumnCount()];
                    for (int c = 0; c < labels.length; c++) labels[c] = md.getColumnLabel(c + 1);
                    while (rs.next()) {
                        rows++;
                        row = new String[labels.length];
                        for (int c = 0; c < labels.length; c++) {
                            String v = rs.getString(c + 1);
                            row[c] = v == null ? "" : v; // PQgetvalue gives "" for NULL
                        }
                    }
                }
            }
            boolean next = st.getMoreResults();
            boolean last = !next && st.getUpdateCount() == -1;
            if (!gset || last) {
                if (gset && rows != 1) {
                    throw new MetaError("client " + clientId + " script " + script + " command " + index
                            + " query " + qrynum + ": expected one row, got " + rows);
                }
                for (int c = 0; row != null && c < labels.length; c++) {
                    vars.putString(context, cmd.varPrefix() + labels[c], row[c]);
                }
            }
            isRs = next;
        }
    }

    @Override
    public boolean inTransaction() {
        return base.getTransactionState() != TransactionState.IDLE;
    }

    @Override
    public void rollback() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing at the end of a run: nothing useful to do
        }
    }

}
