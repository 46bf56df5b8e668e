package io.carga.cli.plan;

import io.carga.cli.UsageException;
import io.carga.core.threshold.MetricRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loading a plan for a command, and the judge of one of its stages. */
public final class PlanFiles {
    private PlanFiles() {
    }

    /**
     * The metrics plans may name. Protocol modules add theirs here (TTFT, cost per request, quality,
     * query latency) as they land, so every command sees the same set.
     */
    public static MetricRegistry registry() {
        return registry(io.carga.report.cost.CostInputs.Projection.DEFAULTS);
    }

    /** The same metrics, the production-cost ones under {@code projection}'s assumptions. */
    public static MetricRegistry registry(io.carga.report.cost.CostInputs.Projection projection) {
        return io.carga.report.cost.CostMetrics.register(io.carga.ai.AiMetrics.register(MetricRegistry.builtIn()), projection);
    }

    /** Loads {@code file}; every problem becomes one line of a usage error (exit code 2). */
    public static Plan load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no plan file " + file + " (carga init writes a starter plan)");
        }
        try {
            return new PlanLoader(System::getenv, registry()).load(file);
        } catch (PlanException e) {
            throw new UsageException(file + " has " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                    + ":\n" + e.getMessage());
        }
    }

    public static Judge judge(Plan plan, Plan.Stage stage, PrintStream out) {
        return judge(plan, stage, plan.tiers(), out);
    }

    /** With {@code tiers} in place of the plan's (a db stage adds its statements as database_queries). */
    public static Judge judge(Plan plan, Plan.Stage stage, io.carga.core.threshold.Tiers tiers, PrintStream out) {
        return new Judge(stage.name(), PlanRun.thresholds(plan, stage), plan.alerts(), tiers, registry(plan.costs().inputs().projection()),
                plan.controls().acceptCut(), out);
    }
}
