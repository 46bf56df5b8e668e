package io.carga.cli.budget;

import io.carga.cli.plan.CostPlan;
import io.carga.cli.plan.PlanFiles;
import io.carga.report.ledger.Ledger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carga budget}: the month's test cost so far, from the ledger, against the plan's testing budget. */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"The month's test cost so far (the ledger beside the results) against the plan's testing_budget and each",
                "share of its allocation. Runs killed before writing their line are priced from their results folders first.",
                "  carga budget --plan carga.yaml",
                "  carga budget --results /data/carga-results"})
public final class BudgetCommand implements Callable<Integer> {
    @Option(names = "--plan", paramLabel = "FILE", description = "The plan whose testing_budget to compare with.")
    Path plan;

    @Option(names = "--results", paramLabel = "DIR", description = "The results root holding ledger.jsonl (default results).")
    Path results = Path.of("results");

    @Override
    public Integer call() throws Exception {
        CostPlan costs = plan == null ? CostPlan.none() : PlanFiles.load(plan).costs();
        Ledger ledger = new Ledger(results);
        MonthBudget m = MonthBudget.of(costs, ledger.entries(), Instant.now());
        System.out.print(m.render());
        System.out.println("  ledger: " + ledger.file());
        return 0;
    }
}
