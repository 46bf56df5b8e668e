package io.carga.pgbench.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import io.carga.pgbench.loop.LoopSocketFactory;

/**
 * Opens PgJDBC connections for one URL, tuned for the protocol of {@code -M}: the simple protocol
 * for {@code simple}, unnamed statements ({@code prepareThreshold=0}) for {@code extended}, and
 * statements prepared on first use ({@code prepareThreshold=1}) for {@code prepared}. Parameters are
 * sent untyped ({@code stringtype=unspecified}), as pgbench sends them.
 */
public record ConnectionFactory(String url, Properties properties) {

    /** @param onLoop whether the connection is for a client on an {@link io.carga.pgbench.loop.EventLoop} */
    public Connection open(QueryMode mode, boolean onLoop) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.putIfAbsent("ApplicationName", "carga db");
        p.setProperty("stringtype", "unspecified");
        p.putIfAbsent("disableColumnSanitiser", "true"); // no lower-casing of column labels per result
        // on a loop, sockets that suspend the client instead of blocking; else, one read() per reply: see there
        p.putIfAbsent("socketFactory", (onLoop ? LoopSocketFactory.class : BlockingSocketFactory.class).getName());
        switch (mode) {
            case SIMPLE -> {
                p.setProperty("preferQueryMode", "simple");
                // every text differs once variables are substituted: caching parsed queries only costs
                p.setProperty("preparedStatementCacheQueries", "0");
            }
            case EXTENDED -> {
                p.setProperty("preferQueryMode", "extended");
                p.setProperty("prepareThreshold", "0");
            }
            case PREPARED -> {
                p.setProperty("preferQueryMode", "extended");
                p.setProperty("prepareThreshold", "1");
            }
        }
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    /** A plain connection for setup work (initialization, vacuum, table info). */
    public Connection open() throws SQLException {
        return open(QueryMode.SIMPLE, false);
    }
}
