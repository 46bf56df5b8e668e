package io.carga.cli.db;

import io.carga.cli.ExitCode;
import io.carga.cli.ListenOptions;
import io.carga.cli.OutputOptions;
import io.carga.cli.RunLauncher;
import io.carga.cli.UsageException;
import io.carga.cli.plan.Judge;
import io.carga.core.config.RunConfig;
import io.carga.core.engine.Engine;
import io.carga.core.load.Durations;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.ThresholdSyntaxException;
import io.carga.core.threshold.Tiers;
import io.carga.observe.LivePlane;
import io.carga.observe.metrics.SeriesRoles;
import io.carga.pgbench.run.Bench;
import io.carga.pgbench.run.BenchConfig;
import io.carga.pgbench.run.BenchRun;
import io.carga.pgbench.run.ConnectionFactory;
import io.carga.pgbench.run.Console;
import io.carga.pgbench.run.EmbeddedDb;
import io.carga.pgbench.run.Initializer;
import io.carga.pgbench.run.QueryMode;
import io.carga.pgbench.run.Threading;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carga db}: pgbench's command line over JDBC, run as any carga run is: through {@link RunLauncher}, so it
 * writes the same results folder, is judged by the same thresholds, stops on the same signals and ends with
 * the same {@link ExitCode}s. carga-pgbench's {@link BenchRun} drives the load.
 *
 * <p>Exit codes are {@link ExitCode}'s. A usage, configuration, connection or script error is 2, as in
 * pgbench; a client that aborted (pgbench exits 2 then too) is {@link ExitCode#CLIENT_ABORTED}, so that a
 * script that failed is told apart from a command line that did.
 */
@Command(name = "db", sortOptions = false, usageHelpAutoWidth = true,
        description = "pgbench-compatible PostgreSQL load test: pgbench's options and scripts, carga's percentiles.",
        footer = {"", "Without -h/-p/-d/--jdbc-url (or PGHOST/PGPORT/PGDATABASE) a throwaway embedded PostgreSQL is used,",
                "initialized with pgbench's tables when a builtin script runs."})
public final class DbCommand implements Callable<Integer> {

    private final Console console;

    @Mixin DbConnection connection;

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
    @Option(names = "--warmup", paramLabel = "DURATION",
            description = "run the same load this long first, unrecorded, as carga run's --warmup (whole seconds; default none)")
    String warmUp;
    @Option(names = "--threads", paramLabel = "auto|loop|platform|virtual",
            description = "loop: pgbench's threads, each -j job's clients on one thread's event loop; platform or virtual: "
                    + "a thread per client; auto: loop where the JVM allows it (carga's jar does), else platform up to "
                    + Threading.AUTO_PLATFORM_MAX_CLIENTS + " clients; run.json says which ran")
    String threads = "auto";
    @Option(names = {"-?", "--help"}, usageHelp = true, description = "show this help and exit") boolean help;
    @Mixin
    ListenOptions listen = new ListenOptions();

    public DbCommand() {
        this(Console.system());
    }

    /** Printing to {@code console} (tests capture it). */
    public DbCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try {
            return execute();
        } catch (UsageException e) {
            console.error(e.getMessage());
            return ExitCode.USAGE.code();
        } catch (ScriptException e) {
            console.error(e.getMessage());
            if (e.detail() != null) console.err().println(e.detail());
            return ExitCode.USAGE.code();
        } catch (SQLException e) {
            console.error(e.getMessage());
            return ExitCode.USAGE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED.code();
        } catch (IOException e) {
            console.error(e.getMessage());
            return ExitCode.USAGE.code();
        }
    }

    private int execute() throws SQLException, InterruptedException, IOException {
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
        addShortcuts();
        if (init) return initialize();
        Judge judge = judge(thresholds, console.out());
        Path dir = out != null ? out : OutputOptions.defaultDir();
        try (LivePlane plane = listen.open(console.out())) { // a bad address is refused before anything connects
            return launch(new RunLauncher(console.out()).live(plane, ""), dir, cfg -> judge).exit().code();
        }
    }

    /**
     * This command line's benchmark, measured through {@code launcher} into {@code dir} and judged by what
     * {@code judge} makes of it (null: not judged): the database (embedded when none is given, initialized for a
     * builtin), the warm-up, then the run. The command line of a plan's db stage runs here too ({@link DbStage}).
     */
    RunLauncher.Launched launch(RunLauncher launcher, Path dir, java.util.function.Function<BenchConfig, Judge> judge)
            throws SQLException, InterruptedException, IOException {
        addShortcuts();
        BenchConfig cfg = benchConfig();
        int warm = warmUpSeconds();
        Judge judged = judge.apply(cfg);
        return withDatabase(db -> {
            if (connection.embedded() && cfg.builtinUsed()) {
                try (Connection c = db.open()) {
                    new Initializer(new Initializer.Options(Initializer.DEFAULT_STEPS, scale == null ? 1 : scale,
                            100, false, 0, null, true), console.err()).run(c);
                }
            }
            if (warm > 0) warmUp(cfg.warmUp(warm), db);
            RunLauncher l = launcher.roles(SeriesRoles.dbScripts(cfg.scripts().stream().map(Script::desc).toList())).withoutConsoleSummary();
            return run(l, DbRunConfig.of(cfg, db.url()), cfg, db, dir, judged, console);
        });
    }

    /**
     * One measured {@code carga db} run through {@code launcher}: pgbench's report is printed as the run ends, before
     * the results folder's lines; a client that aborted makes it {@link ExitCode#CLIENT_ABORTED}.
     */
    private static RunLauncher.Launched run(RunLauncher launcher, RunConfig config, BenchConfig cfg, ConnectionFactory db, Path dir,
                                            Judge judge, Console console) throws SQLException, InterruptedException, IOException {
        MetricsHub hub = new MetricsHub();
        try (BenchRun bench = Bench.prepare(cfg, db, console, hub)) {
            Output report = new Output() {
                @Override
                public void interval(IntervalSnapshot snapshot) {
                }

                @Override
                public void finish(RunResult result) {
                    bench.report(result.aggregate());
                }
            };
            RunLauncher.Launched l = launcher.launch(config, dir, true, List.of(report), judge, bench, hub);
            return l.exit() != ExitCode.INTERRUPTED && bench.aborted() ? new RunLauncher.Launched(l.result(), ExitCode.CLIENT_ABORTED, l.dir()) : l;
        }
    }

    private boolean shortcutsAdded;

    /** -S and -N as the scripts they stand for, once. */
    private void addShortcuts() {
        if (shortcutsAdded) return;
        shortcutsAdded = true;
        if (selectOnly) scriptOptions.add(new String[] {"b", "select-only"});
        if (skipSomeUpdates) scriptOptions.add(new String[] {"b", "simple-update"});
    }

    /** The same load for {@code warm}'s duration, through the engine with no output: nothing of it is kept. */
    private void warmUp(BenchConfig warm, ConnectionFactory db) throws SQLException, InterruptedException {
        console.err().println("warming up: the same load for " + warm.durationSeconds() + " s, unrecorded...");
        java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        MetricsHub hub = new MetricsHub();
        try (BenchRun bench = Bench.prepare(warm, db, new Console(nowhere, console.err()), hub)) {
            new Engine(DbRunConfig.of(warm, db.url()), hub, List.of(), "warmup", bench).run();
        }
    }

    private int warmUpSeconds() {
        if (warmUp == null) return 0;
        Duration d;
        try {
            d = Durations.parse(warmUp);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--warmup: " + e.getMessage());
        }
        long s = d.toSeconds();
        if (s * 1000 != d.toMillis()) throw new UsageException("--warmup: carga db warms up in whole seconds, as -T runs: " + warmUp);
        return (int) s;
    }

    /** {@code --threshold} expressions as a judge of the run, with carga's built-in metrics; null for none. */
    static Judge judge(List<String> texts, java.io.PrintStream out) {
        if (texts.isEmpty()) return null;
        List<Threshold> list = new ArrayList<>();
        ThresholdParser parser = new ThresholdParser(MetricRegistry.builtIn());
        for (String t : texts) {
            try {
                list.add(Threshold.of("db", parser.parse(t)));
            } catch (ThresholdSyntaxException e) {
                throw new UsageException("invalid threshold \"" + t + "\": " + e.getMessage());
            }
        }
        return new Judge("carga db", list, List.of(), Tiers.NONE, MetricRegistry.builtIn(), false, out);
    }

    private int initialize() throws SQLException, InterruptedException, IOException {
        if (!scriptOptions.isEmpty() || out != null || warmUp != null || clients != null || jobs != null || transactions != null || time != null
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

    /** The benchmark this command line asks for (-S and -N included), checked; no database is touched. */
    BenchConfig config() {
        addShortcuts();
        return benchConfig();
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
        Threading threading;
        try {
            threading = Threading.choose(threads, c);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new BenchConfig(scripts, c, j, t, dur, progress == null ? 0 : positive(progress, "-P/--progress", 0),
                perCommand, noVacuum, vacuumAll, r, limit, mode, defs, randomSeed, log, agg, sampling, logPrefix,
                Path.of(""), scale == null ? 0 : positive(scale, "-s/--scale", 1), builtinUsed, debug, connect, threading);
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

    private interface DbAction<T> {
        T run(ConnectionFactory db) throws SQLException, InterruptedException, IOException;
    }

    private <T> T withDatabase(DbAction<T> action) throws SQLException, InterruptedException, IOException {
        if (connection.embedded()) {
            console.info("starting an embedded PostgreSQL...");
            try (EmbeddedDb pg = EmbeddedDb.start()) {
                return action.run(pg.connections());
            }
        }
        return action.run(connections());
    }

    /** The database this command line names (see {@link DbConnection}). */
    ConnectionFactory connections() {
        return connection.connections();
    }
}
