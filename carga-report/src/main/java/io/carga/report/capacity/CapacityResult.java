package io.carga.report.capacity;

import java.util.List;

/**
 * The outcome of a capacity search.
 *
 * @param steps          every step measured, each with its verdict
 * @param maxStableUsers the highest step that met everything (0 when even the first failed)
 * @param kneeUsers      where latency or throughput efficiency turned (0 when no knee was seen)
 * @param limit          what ended the search: the first breach, or that the plan's last step passed
 * @param limitingName   the request name that breached first, or null
 * @param generatorSaturated true when the generator was saturated at or before the breaking step: the
 *                       limit may be the generator's, not the target's
 * @param targets        the spec's scaling targets and whether the max stable load meets each
 */
public record CapacityResult(List<Step> steps, int maxStableUsers, int kneeUsers, String limit, String limitingName,
                             boolean generatorSaturated, List<Target> targets) {

    /** One measured step and why it passed or failed. */
    public record Step(StepStats stats, boolean stable, List<String> breaches) {
    }

    /** One scaling target of the spec (section 1.2). */
    public record Target(String name, int users, boolean met) {
    }
}
