package io.carga.cli;

import io.carga.ai.AiSettings;
import io.carga.ai.budget.BudgetGuard;
import io.carga.ai.cost.AiConfigException;
import io.carga.core.config.RunConfig;
import io.carga.core.output.Output;
import io.carga.report.cost.CostSteps;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Outputs that protocols ask for through the run's properties, such as the AI budget guard
 * ({@code ai.budget.*}). A bad setting is a usage error found before the run starts.
 */
final class ProtocolOutputs {
    private ProtocolOutputs() {
    }

    /** @param dir the results folder, where the budget guard's steps go ({@link CostSteps#FILE}) */
    static List<Output> forRun(RunConfig config, PrintStream out, java.nio.file.Path dir) {
        List<Output> outputs = new ArrayList<>();
        AiSettings ai;
        try {
            ai = AiSettings.fromProperties(config.properties());
        } catch (AiConfigException e) {
            throw new UsageException(e.getMessage());
        }
        if (ai.budget() != null && ai.budget().any()) {
            outputs.add(new BudgetGuard(ai.budget(), out, s -> CostSteps.append(dir, s.atMs(), s.elapsedS(), s.step(), s.why())));
        }
        return outputs;
    }
}
