package io.carga.report.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.report.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run's costs are computed from, written into its results folder as {@value #FILE} before it starts
 * (so a rebuilt or killed run is priced as it ran). Two kinds, kept apart:
 * <ul>
 *   <li><b>testing</b>: the {@link TestPrices} and the test instances (type and count), priced into the ledger;</li>
 *   <li><b>production</b>: the {@link Projection}'s assumptions, for what the platform will cost its users.</li>
 * </ul>
 *
 * @param instanceType the test machines' type, priced by {@link TestPrices#instancePerHour()}
 * @param instances    how many test machines the run used
 * @param scalingTargets the plan's {@code scaling_targets} (name → concurrent users), in its order; empty without a plan
 */
public record CostInputs(TestPrices prices, String instanceType, int instances, Projection projection,
                         java.util.Map<String, Integer> scalingTargets) {
    public static final String FILE = "cost.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The assumptions of the production projection (the plan's {@code projection:}).
     *
     * @param activeHoursPerUserMonth how long a user is active a month (default 176: 22 days × 8 h)
     * @param revenuePerUserMonthBrl  what a user pays a month, R$; NaN when the plan does not say (ratios not evaluated)
     * @param infraPerInstanceHourBrl production instance price, R$ per hour; NaN: the run's {@code ai.infra.hourly}
     * @param usersPerInstance        users one production instance serves; 0: as many as the test put on each
     */
    public record Projection(double activeHoursPerUserMonth, double revenuePerUserMonthBrl, double infraPerInstanceHourBrl,
                             int usersPerInstance) {
        public static final Projection DEFAULTS = new Projection(CostProjection.ACTIVE_HOURS_PER_MONTH, Double.NaN, Double.NaN, 0);

        public boolean hasRevenue() {
            return !Double.isNaN(revenuePerUserMonthBrl) && revenuePerUserMonthBrl > 0;
        }
    }

    public static CostInputs defaults() {
        return new CostInputs(TestPrices.defaults(), TestPrices.SPEC_INSTANCE, 1, Projection.DEFAULTS, java.util.Map.of());
    }

    public CostInputs {
        if (instances < 1) {
            throw new IllegalArgumentException("test_instances.count must be at least 1, was " + instances);
        }
        scalingTargets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scalingTargets));
    }

    /** R$ per hour of the run's test machines together. */
    public double instancesHourBrl() {
        return prices.instanceHourBrl(instanceType) * instances;
    }

    public void write(Path dir) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.set("prices", prices.toJson());
        n.putObject("test_instances").put("type", instanceType).put("count", instances);
        ObjectNode p = n.putObject("projection");
        p.put("active_hours_per_user_month", projection.activeHoursPerUserMonth());
        putOrNull(p, "revenue_per_user_month_brl", projection.revenuePerUserMonthBrl());
        putOrNull(p, "infra_per_instance_hour_brl", projection.infraPerInstanceHourBrl());
        p.put("users_per_instance", projection.usersPerInstance());
        ObjectNode t = n.putObject("scaling_targets");
        scalingTargets.forEach(t::put);
        ResultsFiles.writeAtomically(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }

    /** The inputs a run wrote, or the defaults for a folder from before they were written. */
    public static CostInputs read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return defaults();
        }
        JsonNode n = JSON.readTree(f.toFile());
        JsonNode p = n.path("projection");
        return new CostInputs(TestPrices.of(n.path("prices")), n.path("test_instances").path("type").asText(TestPrices.SPEC_INSTANCE),
                n.path("test_instances").path("count").asInt(1),
                new Projection(p.path("active_hours_per_user_month").asDouble(CostProjection.ACTIVE_HOURS_PER_MONTH),
                        orNaN(p.path("revenue_per_user_month_brl")), orNaN(p.path("infra_per_instance_hour_brl")),
                        p.path("users_per_instance").asInt(0)), targets(n.path("scaling_targets")));
    }

    private static java.util.Map<String, Integer> targets(JsonNode n) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    private static void putOrNull(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static double orNaN(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
