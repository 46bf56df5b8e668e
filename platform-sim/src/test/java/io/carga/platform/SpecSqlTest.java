package io.carga.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's section 5.1 pgbench script runs against the seeded schema, and its reads use the indexes. */
@Timeout(60)
class SpecSqlTest {
    static final String MULTI_TENANT = "SELECT * FROM businesses b JOIN users u ON b.id = u.business_id "
            + "WHERE b.id = ? AND b.status = 'active'";
    static final String HISTORY = "SELECT * FROM ai_generations ag WHERE ag.business_id = ? "
            + "AND ag.created_at > NOW() - INTERVAL '7 days' ORDER BY ag.created_at DESC LIMIT 50";
    static final String INSERT = "INSERT INTO whatsapp_messages (business_id, user_id, content, direction) "
            + "VALUES (?, ?, 'Test message content', 'inbound')";

    @Test
    void section51QueriesRunForTheSpecsRandomRanges() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        int joinedRows = 0;
        int historyRows = 0;
        try (Connection c = SimFixture.db()) {
            for (int i = 0; i < 200; i++) {
                long business = 1 + r.nextInt(1000);   // \set business_id random(1, 1000)
                long user = 1 + r.nextInt(10_000);     // \set user_id random(1, 10000)
                joinedRows += rows(c, MULTI_TENANT, business);
                historyRows += rows(c, HISTORY, business);
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setLong(1, business);
                    ps.setLong(2, user);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
            }
        }
        assertThat(joinedRows).as("every seeded business has users").isGreaterThanOrEqualTo(200 * 9);
        assertThat(historyRows).as("the last 7 days hold history").isPositive();
    }

    @Test
    void readsUseTheIndexes() throws Exception {
        try (Connection c = SimFixture.db(); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off"); // small tables: ask whether an index path exists at all
            assertThat(plan(st, HISTORY.replace("?", "42"))).contains("ai_generations_business_created_idx");
            assertThat(plan(st, MULTI_TENANT.replace("?", "42"))).contains("users_business_id_idx");
        }
    }

    private static String plan(Statement st, String sql) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        }
        return sb.toString();
    }

    private static int rows(Connection c, String sql, long id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }
}
