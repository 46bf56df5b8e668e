package io.carga.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies the versioned schema scripts ({@code V<n>__*.sql} next to this class) that a database has not
 * seen yet, each in its own transaction. An advisory lock keeps two instances sharing one external
 * database from migrating at the same time.
 */
public final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__onboarding.sql");
    private static final long LOCK_KEY = 0x63617267614C4BL;

    private Migrations() {}

    /** Returns how many scripts were applied. */
    public static int apply(DataSource ds) throws SQLException, IOException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                        + "script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
                int current = 0;
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                    rs.next();
                    current = rs.getInt(1);
                }
                int applied = 0;
                for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                    String name = SCRIPTS.get(v - 1);
                    c.setAutoCommit(false);
                    try {
                        st.execute(read(name));
                        st.execute("INSERT INTO schema_version (version, script) VALUES (" + v + ", '" + name + "')");
                        c.commit();
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                    applied++;
                }
                return applied;
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing migration script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
