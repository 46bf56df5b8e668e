package io.carga.pgbench.run;

import io.carga.core.event.EventSink;
import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.Script;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;

/**
 * What all clients of a run share: the parsed scripts, the clock limits, the latency recorders
 * (HdrHistogram, microseconds) and the optional carga metrics sink.
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

    /** Transaction latency per script, from the schedule (µs). */
    final Recorder[] scriptLatency;
    /** Statement latency per script and command (µs). */
    final Recorder[][] commandLatency;
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
        scriptLatency = new Recorder[list.size()];
        commandLatency = new Recorder[list.size()][];
        scriptNames = new String[list.size()];
        statementNames = new String[list.size()][];
        for (int i = 0; i < scripts.length; i++) {
            Script s = list.get(i);
            scripts[i] = s.commands().toArray(Command[]::new);
            commandsPerScript[i] = scripts[i].length;
            scriptLatency[i] = new Recorder(3);
            commandLatency[i] = new Recorder[scripts[i].length];
            statementNames[i] = new String[scripts[i].length];
            scriptNames[i] = s.desc();
            for (int j = 0; j < scripts[i].length; j++) {
                commandLatency[i][j] = new Recorder(3);
                statementNames[i][j] = s.desc() + ":" + scripts[i][j].line();
            }
        }
    }

    Session openSession(int clientId) {
        try {
            return new JdbcSession(db.open(config.mode()), config.mode(), commandsPerScript, clientId, debug);
        } catch (SQLException e) {
            throw new Client.Abort("could not create connection for client " + clientId + ": " + e.getMessage());
        }
    }

    void error(String message) {
        out.error(message);
    }

    void transaction(int script, long scheduled, long begin, long end, String error) {
        if (error == null) scriptLatency[script].recordValue(Math.max(0, (end - scheduled) / 1000));
        if (sink != null) sink.record(Client.event(scriptNames[script], scheduled, begin, end, error));
    }

    void statement(int script, int command, long begin, long end, String error) {
        if (error == null) commandLatency[script][command].recordValue(Math.max(0, (end - begin) / 1000));
        if (sink != null) sink.record(Client.event(statementNames[script][command], begin, begin, end, error));
    }
}
