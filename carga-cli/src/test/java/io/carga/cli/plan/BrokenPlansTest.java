package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.carga.core.threshold.MetricRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: every plan in testdata/plans/broken must fail to load with exactly the problems in the
 * .err file beside it (file:line:column: message). Run with -Dcarga.golden.update=true to rewrite
 * them after a deliberate change, then read the diff.
 */
class BrokenPlansTest {
    static final Path DIR = PlanLoaderTest.ROOT.resolve("testdata/plans/broken");

    @TestFactory
    Stream<DynamicTest> eachBrokenPlanSaysWhereAndWhat() throws Exception {
        List<Path> plans;
        try (Stream<Path> s = Files.list(DIR)) {
            plans = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(plans).hasSizeGreaterThanOrEqualTo(8);
        return plans.stream().map(plan -> DynamicTest.dynamicTest(plan.getFileName().toString(), () -> {
            String actual;
            try {
                new PlanLoader(Map.of("SET_VAR", "value")::get, MetricRegistry.builtIn()).load(plan);
                actual = "(loaded without problems)";
            } catch (PlanException e) {
                actual = e.problems().stream().map(PlanException.Problem::toString).collect(Collectors.joining("\n"));
            }
            Path golden = plan.resolveSibling(plan.getFileName().toString().replace(".yaml", ".err"));
            if (Boolean.getBoolean("carga.golden.update")) {
                Files.writeString(golden, actual + "\n");
            }
            if (!Files.exists(golden)) {
                fail("no golden file " + golden + "; got:\n" + actual);
            }
            assertThat(actual).isEqualTo(Files.readString(golden).strip());
        }));
    }
}
