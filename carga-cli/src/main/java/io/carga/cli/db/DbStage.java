package io.carga.cli.db;

import io.carga.cli.RunLauncher;
import io.carga.cli.UsageException;
import io.carga.cli.plan.Judge;
import io.carga.cli.plan.Plan;
import io.carga.cli.plan.PlanFiles;
import io.carga.core.threshold.Tiers;
import io.carga.pgbench.run.BenchConfig;
import io.carga.pgbench.run.Console;
import io.carga.pgbench.script.ScriptException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A plan stage that is a {@code carga db} run ({@code db: "-c 50 -j 4 -T 300 -P 10 --builtin=tpcb-like"}, the spec's
 * section 5.2 command lines). Its command line is checked when the plan loads and run as {@code carga db} runs it,
 * judged by the plan: its SLA, alert rules and the stage's thresholds. Its SQL statements are the
 * {@link Plan#QUERY_TIER} tier unless the plan's {@code tiers:} defines that, so {@code database_queries: "< 100ms p95"}
 * and {@code query_time > 500ms} judge them.
 */
public final class DbStage {
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)}");

    /** What a db stage's command line says of its load, for the pipeline's lines and the plan's checks. */
    public record Shape(int clients, int seconds) {
    }

    private DbStage() {
    }

    /** A stage's {@code db:} text as arguments: split as a shell does (quotes kept together), {@code -f} files against {@code planDir}. */
    public static List<String> arguments(String text, Path planDir) {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(text);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-f") || a.equals("--file")) && i + 1 < args.size()) {
                args.set(i + 1, resolve(args.get(i + 1), planDir));
            } else if (a.startsWith("--file=")) {
                args.set(i, "--file=" + resolve(a.substring(7), planDir));
            }
        }
        return args;
    }

    private static String resolve(String file, Path planDir) {
        int at = file.lastIndexOf('@'); // FILE@WEIGHT
        String name = at > 0 ? file.substring(0, at) : file;
        String weight = at > 0 ? file.substring(at) : "";
        return name.equals("-") || Path.of(name).isAbsolute() || name.contains("$") ? file : planDir.resolve(name).normalize() + weight;
    }

    /**
     * Checks {@code args} as carga db would before connecting (options, scripts).
     *
     * @throws IllegalArgumentException with carga db's message
     */
    public static Shape check(List<String> args) {
        DbCommand cmd = parse(args, UnaryOperator.identity());
        try {
            BenchConfig cfg = cmd.config();
            return new Shape(cfg.clients(), cfg.durationSeconds());
        } catch (UsageException | ScriptException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * The stage's planned user-hours, for the testing budget: its clients for its {@code -T} times {@code scaleTime};
     * 0 for a count of transactions ({@code -t}), whose length is not known before it runs.
     */
    public static double plannedUserHours(Plan.Stage stage, double scaleTime) {
        BenchConfig cfg = parse(stage.db(), UnaryOperator.identity()).config();
        return cfg.durationSeconds() == 0 ? 0 : cfg.clients() * scaled(cfg.durationSeconds(), scaleTime) / 3600.0;
    }

    /** A -T of {@code seconds} under {@code --scale-time}: at least 1 s. */
    private static int scaled(int seconds, double scaleTime) {
        return Math.max(1, (int) Math.round(seconds * scaleTime));
    }

    /**
     * Runs the stage through {@code launcher} into {@code dir}; {@code scaleTime} multiplies its {@code -T} (at least
     * 1 s). {@code $NAME} and {@code ${NAME}} take the environment's values now.
     */
    public static RunLauncher.Launched launch(Plan.Stage stage, double scaleTime, RunLauncher launcher, Path dir, Judge judge)
            throws IOException, InterruptedException {
        DbCommand cmd = parse(stage.db(), a -> expand(a, stage.name()));
        if (cmd.time != null) {
            cmd.time = scaled(cmd.time, scaleTime);
        }
        try {
            return cmd.launch(launcher, dir, cfg -> judge);
        } catch (SQLException e) {
            throw new UsageException("stage " + stage.name() + ": " + e.getMessage());
        } catch (ScriptException e) {
            throw new UsageException("stage " + stage.name() + ": " + e.getMessage());
        }
    }

    /** The plan's judge of the stage, with its statements as the database_queries tier unless the plan defines that. */
    public static Judge judge(Plan plan, Plan.Stage stage, PrintStream out) {
        BenchConfig cfg = parse(stage.db(), UnaryOperator.identity()).config();
        Map<String, Tiers.Tier> tiers = new LinkedHashMap<>(plan.tiers().tiers());
        tiers.putIfAbsent(Plan.QUERY_TIER, new Tiers.Tier(cfg.statementSeries(), Map.of()));
        return PlanFiles.judge(plan, stage, new Tiers(tiers), out);
    }

    private static DbCommand parse(List<String> args, UnaryOperator<String> each) {
        DbCommand cmd = new DbCommand(Console.system());
        CommandLine cl = new CommandLine(cmd);
        cl.setPosixClusteredShortOptionsAllowed(true);
        try {
            cl.parseArgs(args.stream().map(each).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (cmd.init || cmd.out != null || cmd.listen.given()) {
            throw new IllegalArgumentException("a db stage runs a benchmark into the plan's results folder: no -i, --out or --listen");
        }
        return cmd;
    }

    private static String expand(String arg, String stage) {
        Matcher m = VARIABLE.matcher(arg);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = System.getenv(name);
            if (value == null) {
                throw new UsageException("stage " + stage + ": db: $" + name + " is not set in the environment");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        return m.appendTail(b).toString();
    }
}
