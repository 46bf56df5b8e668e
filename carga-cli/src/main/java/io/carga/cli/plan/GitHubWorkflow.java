package io.carga.cli.plan;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A GitHub Actions workflow from a plan's own triggers ({@code carga plan ci}): a schedule becomes
 * {@code schedule: cron} in UTC, a merge a push to {@value #BRANCH}, on demand {@code workflow_dispatch}.
 * One job per trigger, each with an {@code if:} on the event that fired, runs
 * {@code ./carga pipeline --plan FILE --trigger NAME}: the plan, not the workflow, says which stages run.
 */
final class GitHubWorkflow {
    static final String DEFAULT_PATH = ".github/workflows/load-tests.yml";
    static final String BRANCH = "main";
    /** The longest a job may run on GitHub-hosted runners. */
    private static final int HOSTED_MAX_MINUTES = 360;
    /** Checkout, build and report, on top of the stages. */
    private static final int SETUP_MINUTES = 20;

    private GitHubWorkflow() {
    }

    static String render(Plan plan, String planPath, Set<String> envNames) {
        if (plan.triggers().isEmpty()) {
            throw new IllegalArgumentException(plan.file().getFileName() + " has no pipeline.triggers to write a workflow from");
        }
        List<Trigger> manual = plan.triggers().stream().filter(t -> t.event() == Trigger.Event.MANUAL).toList();
        StringBuilder y = new StringBuilder();
        y.append("# Written by `carga plan ci ").append(planPath).append("` from the plan's pipeline.triggers: change the plan, then\n")
                .append("# write this again. Each job runs the stages its trigger runs in the plan. Thresholds fail a job (exit\n")
                .append("# code 1), an aborted run exits 3, an untrustworthy (saturated) run 4; results are published either way.\n")
                .append("name: load-tests\non:\n");
        List<Trigger> schedules = of(plan, Trigger.Event.SCHEDULE);
        if (!schedules.isEmpty()) {
            y.append("  schedule:\n");
            schedules.forEach(t -> y.append("    - cron: '").append(t.cron()).append("'   # ").append(t.text()).append(" (GitHub reads cron in UTC)\n"));
        }
        List<Trigger> merges = of(plan, Trigger.Event.MERGE);
        if (!merges.isEmpty()) {
            y.append("  push:\n    branches: [").append(BRANCH).append("]   # ")
                    .append(merges.stream().map(Trigger::text).collect(Collectors.joining("; "))).append(" (a merged pull request pushes to ").append(BRANCH).append(")\n");
        }
        if (!manual.isEmpty()) {
            y.append("  workflow_dispatch:   # ").append(manual.stream().map(Trigger::text).collect(Collectors.joining("; "))).append('\n')
                    .append("    inputs:\n")
                    .append("      trigger: {description: \"The plan's trigger whose stages run\", type: choice, default: ").append(manual.getFirst().name())
                    .append(", options: [").append(plan.triggers().stream().map(Trigger::name).collect(Collectors.joining(", "))).append("]}\n")
                    .append("      force: {description: \"Run outside the plan's allowed window (cost_controls.scheduled_testing)\", type: boolean, default: false}\n");
        }
        y.append("\njobs:\n");
        plan.triggers().forEach(t -> job(y, plan, t, planPath, envNames, !manual.isEmpty()));
        return y.toString();
    }

    private static List<Trigger> of(Plan plan, Trigger.Event event) {
        return plan.triggers().stream().filter(t -> t.event() == event).toList();
    }

    private static void job(StringBuilder y, Plan plan, Trigger t, String planPath, Set<String> envNames, boolean dispatch) {
        String byHand = "github.event_name == 'workflow_dispatch' && inputs.trigger == '" + t.name() + "'";
        String fired = switch (t.event()) {
            case SCHEDULE -> "github.event_name == 'schedule' && github.event.schedule == '" + t.cron() + "'";
            case MERGE -> "github.event_name == 'push'";
            case MANUAL -> null;
        };
        String condition = fired == null ? byHand : dispatch ? "(" + fired + ") || (" + byHand + ")" : fired;
        // A merge comes at any hour and gates a deploy: it may not wait for the off-peak window.
        String force = t.event() == Trigger.Event.MERGE ? " --force" : dispatch ? " ${{ inputs.force && '--force' || '' }}" : "";
        y.append("  ").append(jobId(t.name())).append(":\n")
                .append("    name: \"").append(t.text().replace("\"", "'")).append("\"\n")
                .append("    if: ").append(condition).append('\n')
                .append("    runs-on: ubuntu-latest\n")
                .append("    timeout-minutes: ").append(timeoutMinutes(plan, t)).append("   # its stages, each cut at auto_shutdown, plus setup\n")
                .append("    steps:\n")
                .append("      - uses: actions/checkout@v4\n")
                .append("      - uses: actions/setup-java@v4\n")
                .append("        with: {distribution: temurin, java-version: \"21\", cache: maven}\n")
                .append("      - name: Build carga\n")
                .append("        run: ./mvnw -q -pl carga-cli -am package -DskipTests\n")
                .append("      - name: Check the plan\n")
                .append("        run: ./carga plan check ").append(planPath).append('\n')
                .append("      - name: Stages of trigger ").append(t.name()).append('\n')
                .append("        run: ./carga pipeline --plan ").append(planPath).append(" --trigger ").append(t.name())
                .append(" --out results/ci -q").append(force).append('\n');
        if (!envNames.isEmpty()) {
            y.append("        env:   # read by ${env:NAME} in the plan\n");
            envNames.forEach(n -> y.append("          ").append(n).append(": ${{ secrets.").append(n).append(" }}\n"));
        }
        y.append("      - name: Export the alert rules for production\n")
                .append("        if: always()\n")
                .append("        run: ./carga plan alerts ").append(planPath).append(" -o results/ci/carga-alerts.yml\n")
                .append("      - name: Publish JUnit results\n")
                .append("        if: always()\n")
                .append("        uses: mikepenz/action-junit-report@v4\n")
                .append("        with: {report_paths: \"results/ci/junit.xml\", check_name: \"carga thresholds (").append(t.name()).append(")\"}\n")
                .append("      - name: Upload results (HTML report, summary.json, logs)\n")
                .append("        if: always()\n")
                .append("        uses: actions/upload-artifact@v4\n")
                .append("        with: {name: load-test-results-").append(t.name()).append(", path: results/ci}\n");
    }

    /** GitHub job ids are letters, digits, {@code -} and {@code _}, starting with a letter or {@code _}. */
    private static String jobId(String trigger) {
        String id = trigger.replaceAll("[^A-Za-z0-9_-]", "_");
        return Character.isLetter(id.charAt(0)) || id.charAt(0) == '_' ? id : "_" + id;
    }

    private static int timeoutMinutes(Plan plan, Trigger t) {
        Duration max = plan.controls().maxDuration();
        long minutes = plan.pipeline(t.name()).stream().map(Plan.Stage::duration).map(d -> max != null && d.compareTo(max) > 0 ? max : d)
                .mapToLong(Duration::toMinutes).sum();
        return (int) Math.min(HOSTED_MAX_MINUTES, minutes + SETUP_MINUTES);
    }
}
