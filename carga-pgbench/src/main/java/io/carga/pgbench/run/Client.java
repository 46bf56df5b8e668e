package io.carga.pgbench.run;

import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.pgbench.script.Command;
import io.carga.pgbench.script.EvalException;
import io.carga.pgbench.script.Evaluator;
import io.carga.pgbench.script.Prng;
import io.carga.pgbench.script.Value;
import io.carga.pgbench.script.Variables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import io.carga.pgbench.loop.EventLoop;

/**
 * One simulated database client: pgbench's per-client state machine, written as a plain loop of blocking
 * code, which runs on its job's event loop or on a thread of its own ({@link ClientThreads}). It chooses a script, waits for its slot under {@code -R}, runs the commands
 * (honouring {@code \if} nesting), and accounts the transaction.
 */
final class Client implements Evaluator.Context {

    private static final int IF_TRUE = 1, IF_FALSE = 2, IF_IGNORED = 3, IF_ELSE_TRUE = 4, IF_ELSE_FALSE = 5;

    final int id;
    final Group group;
    private final RunState run;
    final Variables vars;
    private final Prng rng;
    Session session;

    /** Totals, written by this client only (pgbench keeps them per thread). */
    final StatsData stats = new StatsData(0);
    final StatsData[] scriptStats;
    final SimpleStats[][] commandStats;
    long latencyLate;
    long connectNanos;
    volatile long connectedAt;
    long cnt;
    volatile boolean finished;
    volatile boolean aborted;
    /** Set once the client was connected (or failed to), on its own thread. */
    volatile boolean prepared;

    /**
     * The clock's last reading in a transaction (ns): a command's end is the next one's start, and the last one's
     * the transaction's end, as pgbench reads the clock once per step (a reading costs 50-100 ns here).
     */
    private long now;

    private int[] cstack = new int[8];
    private int csp;
    private int curScript;
    private int curCommand;

    /** The count it stops at: {@code -t}, none under {@code -T} ({@link Long#MAX_VALUE}). */
    private final long lastTransaction;

    Client(int id, Group group, RunState run, Variables vars, Prng rng) {
        BenchConfig cfg = run.config;
        this.lastTransaction = cfg.durationSeconds() <= 0 && cfg.transactions() > 0 ? cfg.transactions() : Long.MAX_VALUE;
        this.id = id;
        this.group = group;
        this.run = run;
        this.vars = vars;
        this.rng = rng;
        int n = run.scripts.length;
        this.scriptStats = new StatsData[n];
        this.commandStats = new SimpleStats[n][];
        for (int i = 0; i < n; i++) {
            scriptStats[i] = new StatsData(0);
            commandStats[i] = new SimpleStats[run.scripts[i].length];
            for (int j = 0; j < commandStats[i].length; j++) commandStats[i][j] = new SimpleStats();
        }
    }

    /**
     * The client's next transaction; false once it is done (the time is up, its {@code -t} count reached, or it
     * aborted), and its connection is then closed. Its thread, or its job's event loop, calls it again and again:
     * a transaction per call.
     */
    boolean step() {
        if (!aborted) {
            try {
                if (next()) return true;
                finished = true;
            } catch (Abort a) {
                aborted = true;
                run.error(a.getMessage());
            } catch (RuntimeException e) {
                aborted = true;
                run.error("client " + id + " aborted: " + e);
            }
        }
        if (session != null) session.close();
        session = null;
        return false;
    }

    /** Chooses, schedules and runs the next transaction; false when this client is done. */
    private boolean next() {
        BenchConfig cfg = run.config;
        if (run.timerExceeded) return false;
        int script = group.chooseScript();
        curScript = script;
        if (run.debug != null) run.debug.accept("client " + id + " executing script \"" + run.config.scripts().get(script).desc() + "\"");
        boolean throttled = cfg.rate() > 0;
        long scheduled = 0;
        if (throttled) {
            long limitNs = cfg.latencyLimitMicros() * 1000;
            while (true) {
                scheduled = group.nextSchedule() * 1000;
                if (limitNs > 0 && scheduled < System.nanoTime() - limitNs) {
                    account(script, true, StatsData.Failure.NONE, scheduled, scheduled, System.nanoTime());
                    if (run.timerExceeded || cnt >= lastTransaction) return false;
                    continue;
                }
                break;
            }
            if (run.endNanos > 0 && scheduled > run.endNanos) return false;
            parkUntil(scheduled);
            if (run.timerExceeded) return false;
        }
        iteration(script, throttled, scheduled);
        return !(cnt >= lastTransaction || run.timerExceeded);
    }

    /** One transaction of {@code script}, accounted; {@code scheduled}: its start on the {@code -R} schedule, if throttled. */
    private void iteration(int script, boolean throttled, long scheduled) {
        boolean connectEach = run.config.connect();
        if (connectEach) {
            long t0 = System.nanoTime();
            session = run.openSession(id);
            connectNanos += System.nanoTime() - t0;
        }
        long begin = System.nanoTime();
        if (!throttled) scheduled = begin;
        now = begin;
        StatsData.Failure failure = transaction(script);
        long end = now;
        account(script, false, failure, scheduled, begin, end);
        try {
            if (session.inTransaction()) {
                throw new Abort("client " + id + " aborted: end of script reached without completing the last transaction");
            }
        } catch (SQLException e) {
            throw new Abort("client " + id + " aborted while receiving the transaction status");
        }
        if (connectEach) {
            long t0 = System.nanoTime();
            session.close();
            session = null;
            connectNanos += System.nanoTime() - t0;
        }
    }

    /** Runs one script; returns how it ended, or throws {@link Abort}. */
    private StatsData.Failure transaction(int script) {
        Command[] cmds = run.scripts[script];
        csp = 0;
        int i = 0;
        while (i < cmds.length) {
            Command c = cmds[i];
            curCommand = i;
            if (!active()) {
                i = skip(c, i);
                continue;
            }
            long t0 = now;
            if (c instanceof Command.Sql sql) {
                try {
                    session.execute(script, i, sql, vars);
                } catch (SQLException e) {
                    String state = e.getSQLState();
                    StatsData.Failure f = "40001".equals(state) ? StatsData.Failure.SERIALIZATION
                            : "40P01".equals(state) ? StatsData.Failure.DEADLOCK : null;
                    long t1 = System.nanoTime();
                    run.statement(script, i, t0, t1, e.getMessage());
                    if (f == null) {
                        throw new Abort("client " + id + " script " + script + " aborted in command " + i
                                + " query 0: " + e.getMessage());
                    }
                    rollbackAfterFailure();
                    now = System.nanoTime();
                    return f;
                } catch (Session.MetaError e) {
                    throw new Abort(e.getMessage());
                }
                long t1 = System.nanoTime();
                now = t1;
                commandStats[script][i].add((t1 - t0) / 1000.0);
                run.statement(script, i, t0, t1, null);
            } else {
                meta(c, script, i, t0);
                now = System.nanoTime();
                commandStats[script][i].add((now - t0) / 1000.0);
            }
            i++;
        }
        return StatsData.Failure.NONE;
    }

    private void rollbackAfterFailure() {
        csp = 0;
        try {
            if (session.inTransaction()) session.rollback();
        } catch (SQLException e) {
            throw new Abort("client " + id + " aborted while rolling back the transaction after an error; " + e.getMessage());
        }
    }

    private boolean active() {
        if (csp == 0) return true;
        int top = cstack[csp - 1];
        return top == IF_TRUE || top == IF_ELSE_TRUE;
    }

    /** pgbench's CSTATE_SKIP_COMMAND for one command; returns the next index. */
    private int skip(Command c, int i) {
        int top = cstack[csp - 1];
        if (top == IF_FALSE) {
            switch (c) {
                case Command.If x -> push(IF_IGNORED);
                case Command.Elif e -> {
                    long t0 = System.nanoTime();
                    debugMeta(List.of("elif"));
                    cstack[csp - 1] = evalCondition(e.expr(), "elif") ? IF_TRUE : IF_FALSE;
                    commandStats[curScript][i].add((System.nanoTime() - t0) / 1000.0);
                }
                case Command.Else x -> cstack[csp - 1] = IF_ELSE_TRUE;
                case Command.Endif x -> csp--;
                default -> { }
            }
        } else {
            if (c instanceof Command.If) push(IF_IGNORED);
            else if (c instanceof Command.Endif) csp--;
        }
        return i + 1;
    }

    private void push(int state) {
        if (csp == cstack.length) cstack = java.util.Arrays.copyOf(cstack, csp * 2);
        cstack[csp++] = state;
    }

    private boolean evalCondition(io.carga.pgbench.script.Expr expr, String name) {
        try {
            return Evaluator.eval(expr, this).truth();
        } catch (EvalException e) {
            throw metaFailed(e.getMessage(), name, "evaluation of meta-command failed");
        }
    }

    private Abort metaFailed(String error, String cmd, String message) {
        if (error != null) run.error(error);
        return new Abort("client " + id + " aborted in command " + curCommand + " (" + cmd + ") of script "
                + curScript + "; " + message);
    }

    private void meta(Command c, int script, int i, long t0) {
        switch (c) {
            case Command.Set s -> {
                debugMeta(List.of("set", s.variable()));
                Value v;
                try {
                    v = Evaluator.eval(s.expr(), this);
                    vars.putValue("set", s.variable(), v);
                } catch (EvalException e) {
                    throw metaFailed(e.getMessage(), "set", "evaluation of meta-command failed");
                }
            }
            case Command.If f -> {
                debugMeta(List.of("if"));
                push(evalCondition(f.expr(), "if") ? IF_TRUE : IF_FALSE);
            }
            case Command.Elif e -> {
                debugMeta(List.of("elif"));
                cstack[csp - 1] = IF_IGNORED; // reached from an executed branch: skip the rest
            }
            case Command.Else e -> {
                debugMeta(List.of("else"));
                cstack[csp - 1] = IF_ELSE_FALSE;
            }
            case Command.Endif e -> {
                debugMeta(List.of("endif"));
                csp--;
            }
            case Command.Sleep s -> {
                debugMeta(s.argv());
                parkUntil(t0 + sleepMicros(s) * 1000L);
            }
            case Command.Shell s -> {
                debugMeta(prepend("shell", s.argv()));
                shell(null, s.argv());
            }
            case Command.SetShell s -> {
                debugMeta(prepend("setshell", prepend(s.variable(), s.argv())));
                shell(s.variable(), s.argv());
            }
            case Command.Sql q -> throw new IllegalStateException();
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        var l = new java.util.ArrayList<String>(rest.size() + 1);
        l.add(first);
        l.addAll(rest);
        return l;
    }

    private void debugMeta(List<String> argv) {
        if (run.debug != null) run.debug.accept("client " + id + " executing \\" + String.join(" ", argv));
    }

    private long sleepMicros(Command.Sleep s) {
        long usec;
        String a = s.amount();
        if (a.startsWith(":")) {
            String v = vars.getString(a.substring(1));
            if (v == null) {
                throw metaFailed("sleep: undefined variable \"" + a.substring(1) + "\"", "sleep", "execution of meta-command failed");
            }
            usec = atoi(v);
            if (usec == 0 && (v.isEmpty() || !Character.isDigit(v.charAt(0)))) {
                throw metaFailed("sleep: invalid sleep time \"" + v + "\" for variable \"" + a.substring(1) + "\"",
                        "sleep", "execution of meta-command failed");
            }
        } else {
            usec = atoi(a);
        }
        return (int) (usec * s.unitMicros()); // pgbench keeps microseconds in an int
    }

    /** C's atoi: optional blanks and sign, then digits; anything else ends the number. */
    static long atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && Character.isDigit(s.charAt(i))) v = v * 10 + (s.charAt(i++) - '0');
        return (int) (neg ? -v : v);
    }

    private void shell(String variable, List<String> argv) {
        String name = variable == null ? "shell" : "setshell";
        StringBuilder command = new StringBuilder();
        for (String arg : argv) {
            String a;
            if (!arg.startsWith(":")) a = arg;
            else if (arg.startsWith("::")) a = arg.substring(1);
            else if ((a = vars.getString(arg.substring(1))) == null) {
                throw metaFailed(argv.get(0) + ": undefined variable \"" + arg + "\"", name, "execution of meta-command failed");
            }
            if (!command.isEmpty()) command.append(' ');
            command.append(a);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command.toString());
            if (variable == null) {
                Process p = pb.inheritIO().start();
                if (p.waitFor() != 0) {
                    throw metaFailed(argv.get(0) + ": could not launch shell command", name, "execution of meta-command failed");
                }
                return;
            }
            Process p = pb.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
                r.transferTo(java.io.Writer.nullWriter());
            }
            p.waitFor();
            if (line == null) {
                throw metaFailed(argv.get(0) + ": could not read result of shell command", name, "execution of meta-command failed");
            }
            String res = line.length() > 62 ? line.substring(0, 62) : line;
            String t = res.strip();
            long value;
            try {
                value = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                throw metaFailed(argv.get(0) + ": shell command must return an integer (not \"" + res + "\")", name,
                        "execution of meta-command failed");
            }
            vars.putValue("setshell", variable, Value.of((long) (int) value));
        } catch (IOException e) {
            throw metaFailed(argv.get(0) + ": could not launch shell command", name, "execution of meta-command failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abort("client " + id + " interrupted");
        }
    }

    /** pgbench's processXactStats. Times in nanoseconds. */
    private void account(int script, boolean skipped, StatsData.Failure failure, long scheduled, long begin, long end) {
        double latency = 0, lag = 0;
        boolean ok = !skipped && failure == StatsData.Failure.NONE;
        if (ok) {
            latency = (end - scheduled) / 1000.0;
            lag = (begin - scheduled) / 1000.0;
        }
        boolean throttled = run.config.rate() > 0;
        stats.accum(skipped, latency, lag, failure, throttled);
        if (run.latencyLimitMicros > 0 && latency > run.latencyLimitMicros) latencyLate++;
        cnt++;
        if (group.log != null && group.sampled(run.config.samplingRate())) {
            group.log.transaction(id, cnt, skipped, failure, latency, lag, script, end / 1000 + run.epochShiftMicros);
        }
        scriptStats[script].accum(skipped, latency, lag, failure, throttled);
        if (ok) run.transaction(script, scheduled, begin, end, null);
        else if (!skipped) run.transaction(script, scheduled, begin, end, failure.name().toLowerCase());
    }

    /** Sleeps until then ({@link System#nanoTime}); on a job's event loop, its other clients go on meanwhile. */
    static void parkUntil(long deadlineNanos) {
        EventLoop.parkUntil(deadlineNanos);
    }

    // --- Evaluator.Context

    @Override
    public Value variable(String name) {
        return vars.getValue(name);
    }

    @Override
    public Prng random() {
        return rng;
    }

    @Override
    public void debug(String line) {
        run.out.debugFunction("debug(script=" + curScript + ",command=" + (curCommand + 1) + "): " + line);
    }

    /** Ends this client: the message is pgbench's. */
    static final class Abort extends RuntimeException {
        Abort(String message) {
            super(message, null, false, false);
        }
    }

    static RequestEvent event(String name, long scheduled, long begin, long end, String error) {
        return new RequestEvent(name, "sql", Tags.EMPTY, scheduled, begin, end, 0, 0,
                error == null ? Outcome.OK : Outcome.SERVER_ERROR, error, Map.of());
    }
}
