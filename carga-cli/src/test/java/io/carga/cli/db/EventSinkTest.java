package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carga db reports each transaction (named by script) and statement (script:line) as one of the run's requests. */
class EventSinkTest {

    @TempDir
    Path dir;

    @Test
    void oneRequestPerTransactionAndPerStatement() throws IOException {
        Path f = dir.resolve("two.sql");
        Files.writeString(f, "\\set a random(1, 10)\nSELECT :a;\n\n-- second\nSELECT pg_sleep(0.001);\n");
        Db db = Db.run("-n", "-c", "2", "-t", "5", "-f", f.toString());
        assertThat(db.exit()).as(db.err()).isZero();

        JsonNode summary = new ObjectMapper().readTree(db.dir().resolve("summary.json").toFile());
        Map<String, Long> byName = new HashMap<>();
        summary.path("requests").fields().forEachRemaining(e -> {
            byName.put(e.getKey(), e.getValue().path("count").asLong());
            assertThat(e.getValue().path("errors").asLong()).isZero();
        });
        assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.of(f.toString(), 10L, f + ":2", 10L, f + ":5", 10L));
        JsonNode tx = summary.path("requests").path(f.toString());
        assertThat(tx.at("/latency_ms/p50").asDouble()).as("a transaction includes the 1 ms sleep").isGreaterThanOrEqualTo(1.0);
    }
}
