package io.carga.cli;

import io.carga.cli.budget.BudgetCommand;
import io.carga.cli.plan.InitCommand;
import io.carga.cli.plan.PipelineCommand;
import io.carga.cli.plan.PlanCommand;
import io.carga.cli.db.DbCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root: the only place that knows every module. Each subcommand wires the pieces it
 * needs (engine, protocols, outputs) explicitly; there is no global state.
 */
@Command(name = "carga", mixinStandardHelpOptions = true, version = "carga 0.1.0",
        description = "Load testing and performance engineering for AI-heavy web products.",
        subcommands = {RunCommand.class, ReportCommand.class, DemoCommand.class, TargetCommand.class,
                InitCommand.class, PipelineCommand.class, PlanCommand.class, DashboardsCommand.class, UiCommand.class, BudgetCommand.class,
                ShadowCommand.class})
public final class Main implements Runnable {

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger HELIDON_LOG = java.util.logging.Logger.getLogger("io.helidon");

    public static void main(String[] args) {
        quietLibraries();
        System.exit(execute(args));
    }

    /**
     * The embedded database, pool and web server log their life story at INFO; on carga's console only the
     * run matters. Warnings still show. An explicit setting (-Dorg.slf4j.simpleLogger.defaultLogLevel) wins.
     */
    static void quietLibraries() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        HELIDON_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Runs carga with {@code args} and returns the exit code (for tests and main). */
    public static int execute(String... args) {
        CommandLine cmd = commandLine();
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.addSubcommand("db", new DbCommand());
        cmd.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("carga: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.USAGE.code();
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("carga: " + ex.getMessage());
                return ExitCode.USAGE.code();
            }
            throw ex;
        });
        return cmd;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
