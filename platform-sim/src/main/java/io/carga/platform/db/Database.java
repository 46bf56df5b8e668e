package io.carga.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The platform's PostgreSQL: an embedded server (zonky) unless a JDBC URL is given, behind a HikariCP pool.
 * Closing it closes the pool and stops the embedded server.
 */
public final class Database implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final String jdbcUrl;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, String jdbcUrl) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * @param jdbcUrl  external server (user/password may be in the URL); null starts an embedded one
     * @param poolSize maximum pool connections
     */
    public static Database open(String jdbcUrl, int poolSize) throws IOException {
        EmbeddedPostgres pg = null;
        String url = jdbcUrl;
        if (url == null || url.isBlank()) {
            pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // Durability is not what a load target is measured on; these make seeding fast and
                    // the embedded server gentle on a shared 2-core machine.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            url = pg.getJdbcUrl("postgres", "postgres");
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setPoolName("platform");
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(4, poolSize));
        hc.setConnectionTimeout(5_000);
        try {
            return new Database(pg, new HikariDataSource(hc), url);
        } catch (RuntimeException e) {
            if (pg != null) {
                pg.close();
            }
            throw e;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public HikariDataSource pool() {
        return pool;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
