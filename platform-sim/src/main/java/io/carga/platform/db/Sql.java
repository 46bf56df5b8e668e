package io.carga.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs database work on a pooled connection and reports how long each named operation took (pool wait
 * included, since that is part of what a request pays).
 */
public final class Sql {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface Timer {
        void record(String operation, long nanos);
    }

    private final DataSource ds;
    private final Timer timer;

    public Sql(DataSource ds, Timer timer) {
        this.ds = ds;
        this.timer = timer;
    }

    public <T> T query(String operation, Work<T> work) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } finally {
            timer.record(operation, System.nanoTime() - t0);
        }
    }

    /** All of {@code work} commits or none of it does. */
    public <T> T transaction(String operation, Work<T> work) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } finally {
            timer.record(operation, System.nanoTime() - t0);
        }
    }
}
