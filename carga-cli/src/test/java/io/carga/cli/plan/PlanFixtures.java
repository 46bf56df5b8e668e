package io.carga.cli.plan;

/** Plans for tests outside this package. */
public final class PlanFixtures {
    private PlanFixtures() {
    }

    /** The starter plan with its journeys swapped for {@link JourneyUser}, which needs no network. */
    public static String specPlan() throws Exception {
        return PlanLoaderTest.specPlan();
    }
}
