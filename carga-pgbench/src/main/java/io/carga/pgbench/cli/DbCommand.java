package io.carga.pgbench.cli;

import io.carga.core.event.EventSink;
import io.carga.core.output.Output;
import io.carga.pgbench.run.Bench;
import io.carga.pgbench.run.BenchConfig;
import io.carga.pgbench.run.CargaRun;
import io.carga.pgbench.run.ConnectionFactory;
import io.carga.pgbench.run.Console;
import io.carga.pgbench.run.EmbeddedDb;
import io.carga.pgbench.run.Initializer;
import io.carga.pgbench.run.QueryMode;
import io.carga.pgbench.run.Threading;
import io.carga.pgbench.loop.EventLoop;
import io.carga.pgbench.script.Builtins;
import io.carga.pgbench.script.Script;
import io.carga.pgbench.script.ScriptException;
import io.carga.pgbench.script.ScriptParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carga db}: pgbench's command line over JDBC. Register it in the carga CLI with
 * {@code commandLine.addSubcommand("db", new DbCommand(resultsFolder))}, so that a run writes the
 * results folder of any carga run; run it alone, without one, with
 * {@code new CommandLine(new DbCommand()).execute(args)}.
 *
 * <p>Exit status, as carga's table (carga-cli's {@code ExitCode}) with pgbench's meaning of 2: 0 when the
 * run completed, 1 when a {@code --threshold} failed, 2 for a usage, configuration, connection or script
 * error and when a client aborted (pgbench also exits 2 then), 3 when an output aborted the run, 4 when
 * the client machine was saturated, 130 when a signal stopped it.
 */
@Command(name = "db", sortOptions = false, usageHelpAutoWidth = true,
        description = "pgbench-compatible PostgreSQL load test: pgbench's options and scripts, carga's percentiles.",
        footer = {"", "Without -h/-p/-d/--jdbc-url (or PGHOST/PGPORT/PGDATABASE) a throwaway embedded PostgreSQL is used,",
                "initialized with pgbench's tables when a builtin script runs."})
public final class DbCommand implements Callable<Integer> {

    /** Exit status for usage, configuration and script errors (the project's convention). */
    public static final int EXIT_USAGE = 2;
    /** Exit status when a --threshold failed (the project's convention). */
    public static final int EXIT_THRESHOLDS = 1;
    /** Exit status when an output (a threshold, a budget) stopped the run early. */
    public static final int EXIT_ABORTED = 3;
    /** Exit status when the generator was saturated: the figures can't be trusted. */
    public static final int EXIT_INVALID_RUN = 4;
    /** carga's ExitCode.BUDGET: the budget guard stopped the run. */
    public static final int EXIT_BUDGET = 5;
    /** Exit status after Ctrl-C or SIGTERM (the process itself ends with the JVM's signal status). */
    public static final int EXIT_INTERRUPTED = 130;
    /** Up to this many clients, --threads=auto gives each client a platform thread. */
    public static final int AUTO_PLATFORM_MAX_CLIENTS = 256;
    /** SELECT 1 statements before the clock starts (about half a second on two cores). */
    public static final int DEFAULT_WARMUP = 20_000;

    private final ResultsFolder results;
    private final EventSink sink;
    private final Console console;

    // --- connection
    @Option(names = {"-h", "--host"}, paramLabel = "HOSTNAME", description = "database server host (PGHOST)") String host;
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "database server port (PGPORT, 5432)") Integer port;
    @Option(names = {"-U", "--username"}, paramLabel = "USERNAME", description = "user name (PGUSER)") String user;
    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME", description = "database name (PGDATABASE)") String dbName;
    @Parameters(arity = "0..1", paramLabel = "DBNAME", description = "database name, as pgbench's last argument") String dbArg;
    @Option(names = "--jdbc-url", paramLabel = "URL", description = "a full PgJDBC URL instead of -h/-p/-d") String jdbcUrl;
    @Option(names = "--embedded", description = "run against a throwaway embedded PostgreSQL") boolean embedded;

    // --- initialization
    @Option(names = {"-i", "--initialize"}, description = "initialize pgbench's tables") boolean init;
    @Option(names = {"-I", "--init-steps"}, paramLabel = "[dtgGvpf]+", description = "initialization steps (default dtgvp)") String initSteps;
    @Option(names = {"-F", "--fillfactor"}, paramLabel = "NUM", description = "fill factor (10..100)") Integer fillfactor;
    @Option(names = {"-s", "--scale"}, paramLabel = "NUM", description = "scaling factor") Integer scale;
    @Option(names = "--foreign-keys", description = "create foreign keys between the tables") boolean foreignKeys;
    @Option(names = "--unlogged-tables", description = "create unlogged tables") boolean unlogged;
    @Option(names = "--partitions", paramLabel = "NUM", description = "partition pgbench_accounts in NUM parts") Integer partitions;
    @Option(names = "--partition-method", paramLabel = "range|hash", description = "partitioning method (range)") String partitionMethod;
    @Option(names = {"-q", "--quiet"}, description = "quiet initialization logging") boolean quiet;

    // --- what to run
    private final List<String[]> scriptOptions = new ArrayList<>();

    @Option(names = {"-b", "--builtin"}, paramLabel = "NAME[@W]", parameterConsumer = InOrder.class,
            description = "builtin script (tpcb-like, simple-update, select-only; 'list')")
    List<String> builtins;

    @Option(names = {"-f", "--file"}, paramLabel = "FILENAME[@W]", parameterConsumer = InOrder.class,
            description = "script file, optionally weighted")
    List<String> files;

    @Option(names = {"-S", "--select-only"}, description = "same as -b select-only") boolean selectOnly;
    @Option(names = {"-N", "--skip-some-updates"}, description = "same as -b simple-update") boolean skipSomeUpdates;

    /** Keeps -b and -f in command-line order: the order numbers the scripts in the report. */
    static final class InOrder implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec spec) {
            String kind = ((OptionSpec) argSpec).longestName().equals("--builtin") ? "b" : "f";
            if (args.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Missing required parameter for option '"
                        + ((OptionSpec) argSpec).longestName() + "'");
            }
            ((DbCommand) spec.userObject()).scriptOptions.add(new String[] {kind, args.pop()});
        }
    }

    // --- benchmarking
    @Option(names = {"-c", "--client"}, paramLabel = "NUM", description = "concurrent clients (1)") Integer clients;
    @Option(names = {"-C", "--connect"}, description = "new connection for each transaction") boolean connect;
    @Option(names = {"-D", "--define"}, paramLabel = "VARNAME=VALUE", description = "define a script variable") List<String> defines = new ArrayList<>();
    @Option(names = {"-j", "--jobs"}, paramLabel = "NUM", description = "client groups sharing a schedule and a log (1)") Integer jobs;
    @Option(names = {"-l", "--log"}, description = "write transaction times to a log file") boolean log;
    @Option(names = {"-L", "--latency-limit"}, paramLabel = "NUM", description = "count transactions over NUM ms as late") String latencyLimit;
    @Option(names = {"-M", "--protocol"}, paramLabel = "simple|extended|prepared", description = "query protocol (simple)") String protocol;
    @Option(names = {"-n", "--no-vacuum"}, description = "do not vacuum before the run") boolean noVacuum;
    @Option(names = {"-P", "--progress"}, paramLabel = "NUM", description = "progress report every NUM seconds") Integer progress;
    @Option(names = {"-r", "--report-per-command", "--report-latencies"}, description = "per-statement latencies") boolean perCommand;
    @Option(names = {"-R", "--rate"}, paramLabel = "NUM", description = "target transactions per second (Poisson schedule)") String rate;
    @Option(names = {"-t", "--transactions"}, paramLabel = "NUM", description = "transactions per client (10)") Integer transactions;
    @Option(names = {"-T", "--time"}, paramLabel = "NUM", description = "duration in seconds") Integer time;
    @Option(names = {"-v", "--vacuum-all"}, description = "also vacuum pgbench_accounts") boolean vacuumAll;
    @Option(names = "--aggregate-interval", paramLabel = "NUM", description = "aggregate the log over NUM seconds") Integer aggregate;
    @Option(names = "--log-prefix", paramLabel = "PREFIX", description = "log file prefix (pgbench_log)") String logPrefix;
    @Option(names = "--random-seed", paramLabel = "SEED", description = "random seed: time, rand or an integer") String randomSeed;
    @Option(names = "--sampling-rate", paramLabel = "NUM", description = "fraction of transactions to log") String samplingRate;
    @Option(names = "--show-script", paramLabel = "NAME", description = "show a builtin script and exit") String showScript;
    @Option(names = "--max-tries", paramLabel = "NUM", description = "only 1 is supported") Integer maxTries;
    @Option(names = "--debug", description = "print debugging output") boolean debug;
    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "carga threshold on the run, e.g. 'p95 < 5ms', 'error_rate < 1%%', 'p99{name=<builtin: select only>} < 20ms'; "
                    + "a failed one makes the exit status 1")
    List<String> thresholds = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR", description = "carga's results folder (default results/<timestamp>)")
    Path out;
    @Option(names = "--warmup", paramLabel = "NUM",
            description = "SELECT 1 statements run over all clients before the clock starts, so the JIT is warm (default "
                    + DEFAULT_WARMUP + "; 0 for none)")
    int warmUp = DEFAULT_WARMUP;
    @Option(names = "--threads", paramLabel = "auto|loop|platform|virtual",
            description = "loop: pgbench's threads, each -j job's clients on one thread's event loop; platform or virtual: "
                    + "a thread per client; auto: loop where the JVM allows it (carga's launcher does), else platform up to "
                    + AUTO_PLATFORM_MAX_CLIENTS + " clients (see the module README)")
    String threads = "auto";
    @Option(names = {"-?", "--help"}, usageHelp = true, description = "show this help and exit") boolean help;

    /** Without a results folder: pgbench's report and carga's percentiles and thresholds only. */
    public DbCommand() {
        this(null, null, Console.system());
    }

    public DbCommand(ResultsFolder results) {
        this(results, null, Console.system());
    }

    /**
     * @param results writes the results folder, or null for none
     * @param sink    also receives each transaction and statement event, or null
     */
    public DbCommand(ResultsFolder results, EventSink sink, Console console) {
        this.results = results;
        this.sink = sink;
        this.console = console;
    }

    @Override
    public Integer call() {
        try {
            return execute();
        } catch (UsageException e) {
            console.error(e.getMessage());
            return EXIT_USAGE;
        } catch (ScriptException e) {
            console.error(e.getMessage());
            if (e.detail() != null) console.err().println(e.detail());
            return EXIT_USAGE;
        } catch (SQLException e) {
            console.error(e.getMessage());
            return EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_INTERRUPTED;
        }
    }

    private int execute() throws SQLException, InterruptedException {
        if (showScript != null) {
            Builtins.Builtin b = findBuiltin(showScript);
            console.err().printf("-- %s: %s%n%s%n", b.name(), b.desc(), b.script());
            return 0;
        }
        for (String[] s : scriptOptions) {
            if (s[0].equals("b") && s[1].equals("list")) {
                console.err().println("Available builtin scripts:");
                for (Builtins.Builtin b : Builtins.ALL) console.err().printf("  %13s: %s%n", b.name(), b.desc());
                console.err().println();
                return 0;
            }
        }
        if (selectOnly) scriptOptions.add(new String[] {"b", "select-only"});
        if (skipSomeUpdates) scriptOptions.add(new String[] {"b", "simple-update"});
        if (init) return initialize();
        BenchConfig cfg = benchConfig();
        Verdicts verdicts = Verdicts.parse(thresholds);
        Path dir = resultsDir();
        try {
            return measure(cfg, verdicts, dir);
        } finally {
            if (dir != null) results.release();
        }
    }

    private int measure(BenchConfig cfg, Verdicts verdicts, Path dir) throws SQLException, InterruptedException {
        return withDatabase(db -> {
            if (embeddedMode() && cfg.builtinUsed()) {
                try (Connection c = db.open()) {
                    new Initializer(new Initializer.Options(Initializer.DEFAULT_STEPS, scale == null ? 1 : scale,
                            100, false, 0, null, true), console.err()).run(c);
                }
            }
            List<Output> outputs = new ArrayList<>(verdicts.outputs());
            if (dir != null) {
                outputs.addAll(results.outputs(dir));
                outputs.addAll(results.live(cfg.scripts().stream().map(Script::desc).toList()));
            }
            CargaRun carga = new CargaRun(DbRunConfig.of(cfg, db.url()), outputs,
                    dir == null ? "db" : dir.getFileName().toString(), sink);
            try (ScratchFolder practice = new ScratchFolder("carga-db-rehearsal");
                 SignalStop signals = SignalStop.install(carga)) {
                carga.practiceOn(() -> {
                    List<Output> o = new ArrayList<>(Verdicts.parse(thresholds).outputs());
                    if (dir != null) o.addAll(results.outputs(practice.dir()));
                    return o;
                });
                Bench.Result r = Bench.run(cfg, db, console, carga);
                boolean failed = verdicts.print(console.out());
                if (dir != null) results.complete(dir, r.carga(), verdicts.verdicts(), console.out());
                return exitStatus(r, failed);
            }
        });
    }

    /** pgbench's status when a client aborted, else carga's for how the run ended. */
    static int exitStatus(Bench.Result r, boolean thresholdsFailed) {
        if (r.exit() != 0) return r.exit();
        return switch (r.carga().reason()) {
            case SIGNAL -> EXIT_INTERRUPTED;
            case ABORTED -> EXIT_ABORTED;
            case BUDGET -> EXIT_BUDGET;
            case COMPLETED, MAX_DURATION, STOPPED -> r.carga().aggregate().saturated() ? EXIT_INVALID_RUN
                    : thresholdsFailed ? EXIT_THRESHOLDS : 0;
        };
    }

    /** The results folder, created before anything connects; null when this command writes none. */
    private Path resultsDir() {
        if (results == null) {
            if (out != null) throw new UsageException("--out: this carga db writes no results folder (run it as 'carga db')");
            return null;
        }
        try {
            return results.prepare(out);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int initialize() throws SQLException, InterruptedException {
        if (!scriptOptions.isEmpty() || out != null || clients != null || jobs != null || transactions != null || time != null
                || rate != null || progress != null || log || perCommand || !defines.isEmpty() || protocol != null) {
            throw new UsageException("some of the specified options cannot be used in initialization (-i) mode");
        }
        String steps = initSteps == null ? Initializer.DEFAULT_STEPS : initSteps;
        try {
            Initializer.checkSteps(steps);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (noVacuum) steps = steps.replace('v', ' ');
        if (foreignKeys && steps.indexOf('f') < 0) steps += "f";
        int parts = partitions == null ? 0 : partitions;
        String method = partitionMethod == null ? null : partitionMethod.toLowerCase(java.util.Locale.ROOT);
        if (method != null && !method.equals("range") && !method.equals("hash")) {
            throw new UsageException("invalid partition method, expecting \"range\" or \"hash\", got: \"" + partitionMethod + "\"");
        }
        if (parts == 0 && method != null) throw new UsageException("--partition-method requires greater than zero --partitions");
        if (parts > 0 && method == null) method = "range";
        int ff = fillfactor == null ? 100 : fillfactor;
        if (ff < 10 || ff > 100) throw new UsageException("-F/--fillfactor must be in range 10..100");
        Initializer.Options o = new Initializer.Options(steps, positive(scale, "-s/--scale", 1), ff, unlogged, parts, method, quiet);
        return withDatabase(db -> {
            try (Connection c = db.open()) {
                new Initializer(o, console.err()).run(c);
            }
            return 0;
        });
    }

    BenchConfig benchConfig() {
        List<Script> scripts = new ArrayList<>();
        boolean builtinUsed = false;
        for (String[] s : scriptOptions) {
            int at = s[1].lastIndexOf('@');
            String name = at >= 0 ? s[1].substring(0, at) : s[1];
            int weight = 1;
            if (at >= 0) {
                try {
                    weight = Integer.parseInt(s[1].substring(at + 1));
                } catch (NumberFormatException e) {
                    throw new UsageException("invalid weight specification: " + s[1].substring(at));
                }
                if (weight < 0) throw new UsageException("weight specification out of range (0 .. 2147483647): " + weight);
            }
            if (s[0].equals("b")) {
                Builtins.Builtin b = findBuiltin(name);
                scripts.add(ScriptParser.parse(b.script(), b.desc(), weight));
                builtinUsed = true;
            } else {
                scripts.add(ScriptParser.parse(read(name), name, weight));
            }
        }
        if (scripts.isEmpty()) {
            scripts.add(Builtins.parse("tpcb-like", 1));
            builtinUsed = true;
        }
        if (scripts.stream().mapToInt(Script::weight).sum() == 0) throw new UsageException("total script weight must not be zero");
        int c = positive(clients, "-c/--clients", 1);
        int j = positive(jobs, "-j/--jobs", 1);
        if (transactions != null && time != null) {
            throw new UsageException("specify either a number of transactions (-t) or a duration (-T), not both");
        }
        int t = transactions == null ? (time == null ? 10 : 0) : positive(transactions, "-t/--transactions", 10);
        int dur = time == null ? 0 : positive(time, "-T/--time", 0);
        double r = 0;
        if (rate != null) {
            r = atof(rate);
            if (r <= 0) throw new UsageException("invalid rate limit: \"" + rate + "\"");
        }
        double limit = 0;
        if (latencyLimit != null) {
            limit = atof(latencyLimit);
            if (limit <= 0) throw new UsageException("invalid latency limit: \"" + latencyLimit + "\"");
        }
        QueryMode mode;
        try {
            mode = protocol == null ? QueryMode.SIMPLE : QueryMode.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> defs = new LinkedHashMap<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            if (eq <= 0 || eq == d.length() - 1) throw new UsageException("invalid variable definition: \"" + d + "\"");
            String name = d.substring(0, eq);
            if (!io.carga.pgbench.script.Variables.isValidName(name)) {
                throw new UsageException("option: invalid variable name: \"" + name + "\"");
            }
            defs.put(name, d.substring(eq + 1));
        }
        double sampling = 0;
        if (samplingRate != null) {
            sampling = atof(samplingRate);
            if (sampling <= 0 || sampling > 1) throw new UsageException("invalid sampling rate: \"" + samplingRate + "\"");
            if (!log) throw new UsageException("log sampling (--sampling-rate) is allowed only when logging transactions (-l)");
        }
        int agg = aggregate == null ? 0 : positive(aggregate, "--aggregate-interval", 0);
        if (agg > 0 && !log) throw new UsageException("log aggregation is allowed only when actually logging transactions");
        if (sampling > 0 && agg > 0) {
            throw new UsageException("log sampling (--sampling-rate) and aggregation (--aggregate-interval) cannot be used at the same time");
        }
        if (logPrefix != null && !log) throw new UsageException("log file prefix (--log-prefix) is allowed only when logging transactions (-l)");
        if (dur > 0 && agg > dur) {
            throw new UsageException("number of seconds for aggregation (" + agg + ") must not be higher than test duration (" + dur + ")");
        }
        if (dur > 0 && agg > 0 && dur % agg != 0) {
            throw new UsageException("duration (" + dur + ") must be a multiple of aggregation interval (" + agg + ")");
        }
        if (maxTries != null && maxTries != 1) throw new UsageException("--max-tries other than 1 is not supported");
        if (fillfactor != null || foreignKeys || unlogged || partitions != null || partitionMethod != null || initSteps != null) {
            throw new UsageException("some of the specified options cannot be used in benchmarking mode");
        }
        try {
            if (randomSeed != null && !randomSeed.equals("time") && !randomSeed.equals("rand")) Long.parseUnsignedLong(randomSeed);
        } catch (NumberFormatException e) {
            throw new UsageException("unrecognized random seed option \"" + randomSeed + "\"");
        }
        Threading threading = switch (threads) {
            case "auto" -> EventLoop.available() ? Threading.LOOP
                    : c > AUTO_PLATFORM_MAX_CLIENTS ? Threading.VIRTUAL : Threading.PLATFORM;
            case "loop" -> {
                if (!EventLoop.available()) {
                    throw new UsageException("--threads=loop needs the JVM option --add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
                }
                yield Threading.LOOP;
            }
            case "platform" -> Threading.PLATFORM;
            case "virtual" -> Threading.VIRTUAL;
            default -> throw new UsageException("invalid --threads: \"" + threads + "\" (auto, loop, platform or virtual)");
        };
        return new BenchConfig(scripts, c, j, t, dur, progress == null ? 0 : positive(progress, "-P/--progress", 0),
                perCommand, noVacuum, vacuumAll, r, limit, mode, defs, randomSeed, log, agg, sampling, logPrefix,
                Path.of(""), scale == null ? 0 : positive(scale, "-s/--scale", 1), builtinUsed, debug, connect, threading, Math.max(0, warmUp));
    }

    private static Builtins.Builtin findBuiltin(String name) {
        try {
            return Builtins.find(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String read(String file) {
        try {
            return file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UsageException("could not open file \"" + file + "\": " + e.getMessage());
        }
    }

    private static int positive(Integer v, String name, int dflt) {
        if (v == null) return dflt;
        if (v < 1) throw new UsageException(name + " must be in range 1..2147483647");
        return v;
    }

    /** C's atof: the longest leading number, 0 when there is none. */
    static double atof(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    // --- connection

    private boolean embeddedMode() {
        if (embedded) return true;
        if (jdbcUrl != null || host != null || port != null || dbName != null || dbArg != null || user != null) return false;
        Map<String, String> env = System.getenv();
        return env.get("PGHOST") == null && env.get("PGPORT") == null && env.get("PGDATABASE") == null;
    }

    private interface DbAction {
        int run(ConnectionFactory db) throws SQLException, InterruptedException;
    }

    private int withDatabase(DbAction action) throws SQLException, InterruptedException {
        if (embeddedMode()) {
            console.info("starting an embedded PostgreSQL...");
            try (EmbeddedDb pg = EmbeddedDb.start()) {
                return action.run(pg.connections());
            }
        }
        return action.run(connections());
    }

    /** -h -p -U -d and the PG* variables into a PgJDBC URL, or --jdbc-url as given. */
    ConnectionFactory connections() {
        Map<String, String> env = System.getenv();
        Properties props = new Properties();
        String u = user != null ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        if (jdbcUrl != null) {
            if (user != null) props.setProperty("user", user);
            if (env.get("PGPASSWORD") != null) props.setProperty("password", env.get("PGPASSWORD"));
            return new ConnectionFactory(jdbcUrl, props);
        }
        String h = host != null ? host : env.getOrDefault("PGHOST", "localhost");
        if (h.startsWith("/")) h = "localhost"; // a socket directory: JDBC speaks TCP only
        int p = port != null ? port : Integer.parseInt(env.getOrDefault("PGPORT", "5432"));
        String db = dbName != null ? dbName : dbArg != null ? dbArg
                : env.getOrDefault("PGDATABASE", env.getOrDefault("PGUSER", u));
        props.setProperty("user", u);
        if (env.get("PGPASSWORD") != null) props.setProperty("password", env.get("PGPASSWORD"));
        return new ConnectionFactory("jdbc:postgresql://" + h + ":" + p + "/" + db, props);
    }

    /** A usage or configuration error: exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
