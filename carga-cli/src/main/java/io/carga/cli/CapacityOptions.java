package io.carga.cli;

import io.carga.core.load.Durations;
import io.carga.report.capacity.CapacityCriteria;
import io.carga.report.capacity.CapacityPlan;
import io.carga.report.capacity.CapacitySearch;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code carga run --capacity}: raise the users in steps until the SLA breaks. */
final class CapacityOptions {
    @Option(names = "--capacity", description = "Capacity search: raise users in steps until the SLA breaks, errors pass 1%%, or throughput stops growing.")
    boolean enabled;

    @Option(names = "--capacity-steps", paramLabel = "START:STEP:MAX", description = "Users of the steps (default 10:10:1000).")
    String steps = "10:10:1000";

    @Option(names = "--capacity-hold", paramLabel = "DURATION", description = "How long each step is held and measured (default 30s).")
    String hold = "30s";

    @Option(names = "--capacity-ramp", paramLabel = "DURATION", description = "Ramp to each step (default 5s).")
    String ramp = "5s";

    @Option(names = "--capacity-p95", paramLabel = "DURATION",
            description = "One p95 limit for every request (default: the spec's tiers: db 100ms, webhook 200ms, api 500ms, ai 800ms, upload 2s).")
    String p95;

    @Option(names = "--capacity-errors", paramLabel = "PERCENT", description = "Error rate a stable step may not pass (default 1%%).")
    String errors = "1%";

    CapacityPlan plan() {
        String[] p = steps.split(":");
        if (p.length != 3) {
            throw new UsageException("--capacity-steps: expected START:STEP:MAX, e.g. 10:10:500");
        }
        try {
            return new CapacityPlan(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()),
                    Durations.parse(ramp), Durations.parse(hold));
        } catch (NumberFormatException e) {
            throw new UsageException("--capacity-steps: expected whole numbers, got " + steps);
        }
    }

    CapacitySearch search(Path dir) {
        double limit = p95 == null ? Double.NaN : Durations.parse(p95).toNanos() / 1e6;
        return new CapacitySearch(plan(), new CapacityCriteria(limit, ReportOptions.parsePercent(errors), CapacityCriteria.SPEC.minGrowth()), dir);
    }
}
