package io.carga.pgbench;

import io.carga.pgbench.run.ConnectionFactory;
import io.carga.pgbench.run.EmbeddedDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One embedded PostgreSQL for the whole test JVM, started on first use, stopped at exit. */
public final class TestDb {
    private static EmbeddedDb db;

    private TestDb() {}

    public static synchronized EmbeddedDb get() {
        if (db == null) {
            db = EmbeddedDb.start();
            EmbeddedDb d = db;
            Runtime.getRuntime().addShutdownHook(new Thread(d::close));
        }
        return db;
    }

    public static ConnectionFactory connections() {
        return get().connections();
    }

    public static void exec(String... sql) {
        try (Connection c = connections().open(); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
