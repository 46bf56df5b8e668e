package io.carga.cli.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plans for tests outside this package. */
public final class PlanFixtures {
    private PlanFixtures() {
    }

    /** The starter plan with its journeys swapped for {@link JourneyUser}, which needs no network. */
    public static String specPlan() throws Exception {
        return PlanLoaderTest.specPlan();
    }

    /** Writes {@code prices.yaml} into {@code dir}: a dated price file in R$, for plans that price their runs. */
    public static Path brlPrices(Path dir) throws IOException {
        return Files.writeString(dir.resolve("prices.yaml"), """
                date: 2026-11-30
                source: "test invoice"
                currency: BRL
                ai_per_million_tokens:
                  gpt-4-turbo: {input: 150, output: 150}
                instance_per_hour: {e2-medium: 3.6}
                storage_per_gb_month: 1000
                """);
    }
}
