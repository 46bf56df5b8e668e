package io.carga.pgbench.jdbc;

import io.carga.core.api.UserContext;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Times JDBC work as named requests of a carga scenario, so a journey can mix HTTP calls and direct
 * queries and the same latency thresholds apply to both. Each call reports one {@code "sql"} event to
 * the user's {@link UserContext#events()}; a failure is reported as {@link Outcome#SERVER_ERROR}
 * with the SQLSTATE and rethrown.
 *
 * <pre>{@code
 * TimedSql sql = TimedSql.of(ctx);
 * long n = sql.query("count messages", conn, "SELECT count(*) FROM whatsapp_messages WHERE business_id = ?",
 *         rs -> { rs.next(); return rs.getLong(1); }, businessId);
 * sql.update("insert message", conn, "INSERT INTO whatsapp_messages (business_id, content, direction) VALUES (?, ?, 'inbound')",
 *         businessId, "hi");
 * }</pre>
 *
 * <p>Thread-confined like the context it wraps: one per virtual user.
 */
public final class TimedSql {

    /** JDBC work that may fail. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Reads a result set into a value. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final UserContext ctx;
    private final Tags tags;

    private TimedSql(UserContext ctx, Tags tags) {
        this.ctx = ctx;
        this.tags = tags;
    }

    public static TimedSql of(UserContext ctx) {
        return new TimedSql(ctx, Tags.EMPTY);
    }

    /** The same, with tags on every event (a database name, a tenant tier...). */
    public TimedSql withTags(Tags t) {
        return new TimedSql(ctx, t);
    }

    /** Times any JDBC work under {@code name}. */
    public <T> T timed(String name, Work<T> work) throws SQLException {
        long intended = ctx.takeIntendedStart();
        long start = ctx.nanoTime();
        try {
            T result = work.run();
            report(name, intended, start, Outcome.OK, null);
            return result;
        } catch (SQLException e) {
            report(name, intended, start, Outcome.SERVER_ERROR, e.getSQLState() == null ? e.getMessage() : e.getSQLState());
            throw e;
        } catch (RuntimeException e) {
            report(name, intended, start, Outcome.OTHER, e.getClass().getSimpleName());
            throw e;
        }
    }

    /** A query with positional parameters; {@code rows} reads the result inside the timing. */
    public <T> T query(String name, Connection conn, String sql, Rows<T> rows, Object... params) throws SQLException {
        return timed(name, () -> {
            try (PreparedStatement ps = prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        });
    }

    /** An INSERT, UPDATE, DELETE or DDL statement; returns the update count. */
    public int update(String name, Connection conn, String sql, Object... params) throws SQLException {
        return timed(name, () -> {
            try (PreparedStatement ps = prepare(conn, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection conn, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
        return ps;
    }

    private void report(String name, long intended, long start, Outcome outcome, String error) {
        long end = ctx.nanoTime();
        ctx.events().record(new RequestEvent(name, "sql", tags, intended, start, end, 0, 0, outcome, error, Map.of()));
    }
}
