package io.carga.pgbench.run;

import io.carga.core.event.EventSink;
import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.Script;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What all clients of a run share: the parsed scripts, the clock limits, and the sink every transaction
 * and statement is reported to (carga's metrics hub, whose striped recorders also give the end report's
 * percentiles: one recorder shared by all clients would cost each write a contended cache line).
 */
final class RunState {
    final BenchConfig config;
    final Command[][] scripts;
    final Console out;
    final Consumer<String> debug;
    final long latencyLimitMicros;
    final long epochShiftMicros;
    final EventSink sink;
    private final ConnectionFactory db;
    private final int[] commandsPerScript;

    private final String[] scriptNames;
    private final String[][] statementNames;

    volatile boolean timerExceeded;
    volatile long endNanos;

    RunState(BenchConfig config, ConnectionFactory db, Console out, EventSink sink) {
        this.config = config;
        this.db = db;
        this.out = out;
        this.sink = sink;
        this.debug = config.debug() ? out::debug : null;
        this.latencyLimitMicros = config.latencyLimitMicros();
        this.epochShiftMicros = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;
        List<Script> list = config.scripts();
        scripts = new Command[list.size()][];
        commandsPerScript = new int[list.size()];
        scriptNames = new String[list.size()];
        statementNames = new String[list.size()][];
        for (int i = 0; i < scripts.length; i++) {
            Script s = list.get(i);
            scripts[i] = s.commands().toArray(Command[]::new);
            commandsPerScript[i] = scripts[i].length;
            statementNames[i] = new String[scripts[i].length];
            scriptNames[i] = s.desc();
            for (int j = 0; j < scripts[i].length; j++) {
                statementNames[i][j] = s.desc() + ":" + scripts[i][j].line();
            }
        }
    }

    Session openSession(int clientId) {
        try {
            return new JdbcSession(db.open(config.mode(), config.threads() == Threading.LOOP), config.mode(), commandsPerScript, clientId, debug);
        } catch (SQLException e) {
            throw new Client.Abort("could not create connection for client " + clientId + ": " + e.getMessage());
        }
    }

    void error(String message) {
        out.error(message);
    }

    void transaction(int script, long scheduled, long begin, long end, String error) {
        sink.record(Client.event(scriptNames[script], scheduled, begin, end, error));
    }

    void statement(int script, int command, long begin, long end, String error) {
        sink.record(Client.event(statementNames[script][command], begin, begin, end, error));
    }

    /** Every series a run may report to: each script's, and each of its SQL statements'. */
    List<String> seriesNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            names.add(scriptNames[i]);
            for (int j = 0; j < scripts[i].length; j++) {
                if (scripts[i][j] instanceof Command.Sql) names.add(statementNames[i][j]);
            }
        }
        return names;
    }

    /** The series name of a script's transactions. */
    String scriptName(int script) {
        return scriptNames[script];
    }

    /** The series name of one of its statements: {@code script:line}. */
    String statementName(int script, int command) {
        return statementNames[script][command];
    }
}
