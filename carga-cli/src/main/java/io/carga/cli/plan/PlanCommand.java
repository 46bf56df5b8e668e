package io.carga.cli.plan;

import io.carga.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carga plan check|alerts|ci|schema}: look at a plan without running it. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Check a plan, export its alert rules or its CI workflow, print its JSON Schema.",
        subcommands = {PlanCommand.Check.class, PlanCommand.Alerts.class, PlanCommand.Ci.class, PlanCommand.Schema.class})
public final class PlanCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {"Load and check a plan; print what it holds (secrets masked).",
            "Errors (exit code 2) and warnings (FILE:LINE:COL: warning: ..., on standard error; the exit code stays 0)",
            "for what the plan says and cannot do: a stage past auto_shutdown, stages past the allowed window,",
            "an AI floor above the AI rate limit, a threshold scoped to requests no scenario makes."})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", defaultValue = "carga.yaml")
        Path file;

        @Override
        public Integer call() {
            Plan p = PlanFiles.load(file);
            StringBuilder sb = new StringBuilder(file + ": ok\n");
            sb.append("  target: ").append(p.target()).append('\n');
            p.properties().forEach((k, v) -> sb.append("  property ").append(k).append(": ").append(v).append('\n'));
            sb.append("  scenarios: ").append(String.join(", ", p.scenarios().keySet())).append('\n');
            p.stages().values().forEach(s -> sb.append("  stage ").append(s.name()).append(": ").append(s.users()).append(" users, ")
                    .append(io.carga.core.load.Durations.format(s.duration())).append(s.scenarios().isEmpty() ? "" : ", " + s.scenarios()).append('\n'));
            p.thresholds().forEach(t -> sb.append("  threshold [").append(t.group()).append("] ").append(t.expression().label()).append('\n'));
            p.floors().forEach(t -> sb.append("  floor ").append(t.expression().label()).append('\n'));
            p.alerts().forEach(a -> sb.append("  alert ").append(a.name()).append(": ").append(a.condition().label())
                    .append(a.forDuration().isZero() ? "" : " for " + io.carga.core.load.Durations.format(a.forDuration()))
                    .append(" over ").append(io.carga.core.load.Durations.format(a.window())).append('\n'));
            p.scalingTargets().forEach((k, v) -> sb.append("  scaling target ").append(k).append(": ").append(v).append(" users\n"));
            Plan.Controls c = p.controls();
            if (c.maxDuration() != null) {
                sb.append("  max duration: ").append(io.carga.core.load.Durations.format(c.maxDuration())).append('\n');
            }
            if (c.window() != null) {
                sb.append("  allowed window: ").append(c.window()).append('\n');
            }
            System.out.print(p.redact(sb.toString()));
            PlanWarnings.of(p).forEach(w -> System.err.println(p.redact(w.toString())));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true, description = "Export the plan's alert rules as a Prometheus rules file.")
    static final class Alerts implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", defaultValue = "carga.yaml")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "RULES.yml", description = "Write here instead of standard output.")
        Path output;

        @Override
        public Integer call() throws Exception {
            Plan p = PlanFiles.load(file);
            String rules = p.redact(PrometheusRules.render(p));
            return emit(rules, output, "wrote " + p.alerts().size() + " alert rules to " + output + " (check with: promtool check rules " + output + ")");
        }
    }

    @Command(name = "ci", mixinStandardHelpOptions = true, description = {"Write a GitHub Actions workflow from the plan's pipeline.triggers:",
            "a time of day becomes a cron schedule (in UTC), on PR merge a push to main, on demand workflow_dispatch;",
            "each job runs ./carga pipeline --plan FILE --trigger NAME.",
            "  carga plan ci carga.yaml -o " + GitHubWorkflow.DEFAULT_PATH})
    static final class Ci implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", defaultValue = "carga.yaml", description = "The plan, as the workflow will find it from the repository's root.")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "WORKFLOW.yml", description = "Write here instead of standard output.")
        Path output;

        @Override
        public Integer call() throws Exception {
            Plan p = PlanFiles.load(file);
            String workflow;
            try {
                workflow = GitHubWorkflow.render(p, file.toString(), PlanLoader.envNames(Files.readString(file)));
            } catch (IllegalArgumentException e) {
                throw new io.carga.cli.UsageException(e.getMessage());
            }
            return emit(workflow, output, "wrote " + output + ": one job per trigger ("
                    + String.join(", ", p.triggers().stream().map(Trigger::name).toList()) + ")");
        }
    }

    /** {@code text} to standard output, or to {@code output} (its folders made) and {@code wrote} said. */
    private static int emit(String text, Path output, String wrote) throws java.io.IOException {
        if (output == null) {
            System.out.print(text);
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text);
            System.out.println(wrote);
        }
        return ExitCode.OK.code();
    }

    @Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the plan's JSON Schema (for editors).")
    static final class Schema implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(SchemaCheck.schemaText());
            return ExitCode.OK.code();
        }
    }
}
