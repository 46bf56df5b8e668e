package io.carga.pgbench.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.api.Metrics;
import io.carga.core.api.UserContext;
import io.carga.core.event.EventSink;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.pgbench.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TimedSqlTest {

    /** Just enough of a virtual user's context: a clock and an event list. */
    static final class FakeUser implements UserContext {
        final List<RequestEvent> events = new ArrayList<>();
        public int userId() { return 0; }
        public String target() { return null; }
        public RandomGenerator random() { return RandomGenerator.getDefault(); }
        public EventSink events() { return events::add; }
        public Metrics metrics() { return null; }
        public long nanoTime() { return System.nanoTime(); }
        public long takeIntendedStart() { return 0; }
        public boolean stopping() { return false; }
        public boolean cutOff() { return false; }
        public boolean sleepUntil(long deadline) { return true; }
        public <T> T shared(Class<T> type, Supplier<T> factory) { return factory.get(); }
        public Map<String, String> properties() { return Map.of(); }
    }

    @Test
    void reportsEachStatementAsANamedSqlRequest() throws SQLException {
        FakeUser user = new FakeUser();
        TimedSql sql = TimedSql.of(user);
        try (Connection c = TestDb.connections().open()) {
            sql.update("create", c, "CREATE TEMP TABLE t (id int, v text)");
            assertThat(sql.update("insert", c, "INSERT INTO t VALUES (?, ?), (?, ?)", 1, "a", 2, "b")).isEqualTo(2);
            long n = sql.query("count", c, "SELECT count(*) FROM t WHERE id > ?", rs -> {
                rs.next();
                return rs.getLong(1);
            }, 0);
            assertThat(n).isEqualTo(2);
            assertThatThrownBy(() -> sql.query("bad", c, "SELECT nope FROM t", rs -> null)).isInstanceOf(SQLException.class);
        }
        assertThat(user.events).extracting(RequestEvent::name).containsExactly("create", "insert", "count", "bad");
        assertThat(user.events).allMatch(e -> e.type().equals("sql") && e.end() >= e.start());
        assertThat(user.events.get(2).outcome()).isEqualTo(Outcome.OK);
        assertThat(user.events.get(3).outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(user.events.get(3).error()).isEqualTo("42703");
    }
}
