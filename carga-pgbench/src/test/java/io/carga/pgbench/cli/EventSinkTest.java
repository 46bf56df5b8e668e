package io.carga.pgbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.pgbench.CapturedConsole;
import io.carga.pgbench.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** carga db reports each transaction (named by script) and statement (script:line) to the metrics sink. */
class EventSinkTest {

    @TempDir
    Path dir;

    @Test
    void oneEventPerTransactionAndPerStatement() throws IOException {
        Path f = dir.resolve("two.sql");
        Files.writeString(f, "\\set a random(1, 10)\nSELECT :a;\n\n-- second\nSELECT pg_sleep(0.001);\n");
        ConcurrentLinkedQueue<RequestEvent> events = new ConcurrentLinkedQueue<>();
        CapturedConsole cc = new CapturedConsole();
        int exit = new CommandLine(new DbCommand(null, events::add, cc.console)).execute(
                "--jdbc-url", TestDb.get().jdbcUrl(), "-U", "postgres", "-n", "-c", "2", "-t", "5", "-f", f.toString());
        assertThat(exit).as(cc.err()).isZero();
        Map<String, Long> byName = events.stream().collect(Collectors.groupingBy(RequestEvent::name, Collectors.counting()));
        assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.of(f.toString(), 10L, f + ":2", 10L, f + ":5", 10L));
        assertThat(events).allMatch(e -> e.type().equals("sql") && e.outcome() == Outcome.OK);
        List<RequestEvent> tx = events.stream().filter(e -> e.name().equals(f.toString())).toList();
        assertThat(tx).allMatch(e -> e.latencyNanos() >= 1_000_000); // includes the 1 ms sleep
    }
}
