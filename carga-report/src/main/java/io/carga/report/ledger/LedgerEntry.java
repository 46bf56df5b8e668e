package io.carga.report.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's test cost, one line of the ledger. All money in R$, converted at the run's prices.
 *
 * @param folder        the results folder's name (its key in the ledger: a folder is one run)
 * @param startedMs     wall-clock start
 * @param durationS     how long it ran
 * @param stop          how it ended ({@code COMPLETED}, {@code BUDGET}…, {@code ABRUPT} for a killed run)
 * @param userHours     users integrated over its time
 * @param aiBrl         AI cost per model
 * @param instancesBrl  instances × hours × instance price
 * @param storageBytes  what its results folder holds
 * @param storageBrl    that size for a month at the storage price
 * @param prices        where the prices came from ({@code TestPrices#provenance})
 * @param rebuilt       whether the line was written from the folder after the run (a killed run), not by the run
 */
public record LedgerEntry(String folder, String runId, long startedMs, double durationS, String scenario, String stop,
                          double userHours, Map<String, Double> aiBrl, String instanceType, int instances, double instancesBrl,
                          long storageBytes, double storageBrl, String prices, boolean rebuilt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LedgerEntry {
        aiBrl = Collections.unmodifiableMap(new TreeMap<>(aiBrl));
    }

    /** The same line keyed by {@code key} (a folder's path under the ledger's root). */
    public LedgerEntry withFolder(String key) {
        return new LedgerEntry(key, runId, startedMs, durationS, scenario, stop, userHours, aiBrl, instanceType, instances,
                instancesBrl, storageBytes, storageBrl, prices, rebuilt);
    }

    public double aiTotalBrl() {
        return aiBrl.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double totalBrl() {
        return aiTotalBrl() + instancesBrl + storageBrl;
    }

    public String toJsonLine() {
        ObjectNode n = JSON.createObjectNode();
        n.put("folder", folder).put("run_id", runId).put("started_at_ms", startedMs).put("duration_s", r6(durationS))
                .put("scenario", scenario).put("stop", stop).put("user_hours", r6(userHours)).put("currency", "BRL");
        ObjectNode ai = n.putObject("ai_brl");
        aiBrl.forEach((m, v) -> ai.put(m, r6(v)));
        n.putObject("instances").put("type", instanceType).put("count", instances).put("hours", r6(durationS / 3600))
                .put("brl", r6(instancesBrl));
        n.putObject("storage").put("bytes", storageBytes).put("brl", r6(storageBrl));
        n.put("total_brl", r6(totalBrl()));
        n.put("prices", prices);
        n.put("rebuilt", rebuilt);
        try {
            return JSON.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LedgerEntry of(JsonNode n) {
        Map<String, Double> ai = new TreeMap<>();
        n.path("ai_brl").fields().forEachRemaining(e -> ai.put(e.getKey(), e.getValue().asDouble()));
        JsonNode inst = n.path("instances");
        return new LedgerEntry(n.path("folder").asText(), n.path("run_id").asText(), n.path("started_at_ms").asLong(),
                n.path("duration_s").asDouble(), n.path("scenario").asText(), n.path("stop").asText(), n.path("user_hours").asDouble(),
                ai, inst.path("type").asText(), inst.path("count").asInt(1), inst.path("brl").asDouble(),
                n.path("storage").path("bytes").asLong(), n.path("storage").path("brl").asDouble(), n.path("prices").asText(),
                n.path("rebuilt").asBoolean());
    }

    private static double r6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
