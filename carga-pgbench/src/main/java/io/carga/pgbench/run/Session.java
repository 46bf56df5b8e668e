package io.carga.pgbench.run;

import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.Variables;
import java.sql.SQLException;

/**
 * One client's database connection, as the script interpreter sees it. Implementations store
 * {@code \gset}/{@code \aset} results into the variables themselves. Used by one thread only.
 */
public interface Session extends AutoCloseable {

    /**
     * Runs one SQL command of script {@code script}, command number {@code index}.
     *
     * @throws SQLException a server error (the SQLSTATE tells serialization and deadlock apart)
     * @throws MetaError    when {@code \gset} did not get exactly one row
     */
    void execute(int script, int index, Command.Sql cmd, Variables vars) throws SQLException;

    /** Whether the connection is inside a transaction block (started, or failed). */
    boolean inTransaction() throws SQLException;

    /** Rolls back a failed transaction block. */
    void rollback() throws SQLException;

    @Override
    void close();

    /** A result that a {@code \gset} cannot use. */
    final class MetaError extends RuntimeException {
        public MetaError(String message) {
            super(message, null, false, false);
        }
    }
}
