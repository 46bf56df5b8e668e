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
    private final long extraLatencyMs;

    public Sql(DataSource ds, Timer timer) {
        this(ds, timer, 0);
    }

    /** @param extraLatencyMs the injected fault: each operation holds its connection this much longer */
    public Sql(DataSource ds, Timer timer, long extraLatencyMs) {
        this.ds = ds;
        this.timer = timer;
        this.extraLatencyMs = extraLatencyMs;
    }

    private void slowDown() throws SQLException {
        if (extraLatencyMs > 0) {
            try {
                Thread.sleep(extraLatencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the injected database fault held the connection", e);
            }
        }
    }

    public <T> T query(String operation, Work<T> work) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            slowDown();
            return work.run(c);
        } finally {
            timer.record(operation, System.nanoTime() - t0);
        }
    }

    /** All of {@code work} commits or none of it does. */
    public <T> T transaction(String operation, Work<T> work) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            slowDown();
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
