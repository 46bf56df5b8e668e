package io.carga.report.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What testing costs per unit, as data: AI per token and model, a test instance per hour, results storage
 * per GB-month, all in one currency with its rate to the real, dated and with a source. The plan gives them
 * ({@code prices:} inline, or {@code prices: FILE} for a price file next to it); without one, {@link #defaults()}.
 * Every run writes the prices it used into its results folder, so the ledger prices a run the same way after
 * a crash.
 *
 * <p>The format (YAML in a plan or price file, JSON in the results folder):
 * <pre>
 * date: 2026-12-01
 * source: "the team's GCP invoice of November"
 * currency: USD                     # BRL needs no rate
 * brl_per_unit: 5.0
 * ai_per_million_tokens: {gemini-2.5-flash: {input: 1, output: 1}, gpt-4-turbo: {input: 10, output: 30}}
 * instance_per_hour: {e2-medium: 0.0137}
 * storage_per_gb_month: 0.02
 * </pre>
 *
 * @param aiPerMillion model → {input, output} per million tokens
 * @param instancePerHour instance type → price of one instance-hour
 */
public record TestPrices(String date, String source, String currency, double brlPerUnit,
                         Map<String, double[]> aiPerMillion, Map<String, Double> instancePerHour, double storagePerGbMonth) {
    /** The instance type the defaults price: the spec's test instance (section 2.1). */
    public static final String SPEC_INSTANCE = "e2-medium";
    private static final ObjectMapper JSON = new ObjectMapper();

    public TestPrices {
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("prices: a currency is required (currency: BRL, or USD with brl_per_unit)");
        }
        currency = currency.equals("R$") ? "BRL" : currency.toUpperCase(Locale.ROOT);
        if (currency.equals("BRL")) {
            brlPerUnit = 1.0;
        }
        if (!(brlPerUnit > 0)) {
            throw new IllegalArgumentException("prices: brl_per_unit must be a positive rate to R$ for " + currency + ", was " + brlPerUnit);
        }
        aiPerMillion = Collections.unmodifiableMap(new LinkedHashMap<>(aiPerMillion));
        instancePerHour = Collections.unmodifiableMap(new LinkedHashMap<>(instancePerHour));
    }

    /**
     * The spec's figures: tokens at section 6.1's prices read as US dollars (1, 2 and 30 per million) at
     * R$ 5.00 a dollar, as carga-ai's own defaults; the e2-medium of section 2.1 at its R$ 50 a month over
     * 730 h; storage at US$ 0.02 per GB-month, carga's assumption (the spec prices none).
     */
    public static TestPrices defaults() {
        Map<String, double[]> ai = new LinkedHashMap<>();
        ai.put("gemini-2.5-flash", new double[] {1, 1});
        ai.put("gpt-3.5-turbo", new double[] {2, 2});
        ai.put("gpt-4-turbo", new double[] {30, 30});
        return new TestPrices("2026-12-01", "carga defaults: spec 6.1 token prices as USD at R$ 5.00; spec 2.1 e2-medium "
                + "R$ 50/month over 730 h; storage US$ 0.02/GB-month assumed (the spec prices none)", "USD", 5.0, ai,
                Map.of(SPEC_INSTANCE, 10.0 / CostProjection.HOURS_PER_MONTH), 0.02);
    }

    /** Reads the format above; a missing part keeps the default's (so a file may only change the AI prices). */
    public static TestPrices of(JsonNode n) {
        TestPrices d = defaults();
        String currency = n.path("currency").asText(d.currency);
        double rate = n.has("brl_per_unit") ? n.get("brl_per_unit").asDouble() : currency.equals(d.currency) ? d.brlPerUnit : Double.NaN;
        if (Double.isNaN(rate) && !currency.equalsIgnoreCase("BRL") && !currency.equals("R$")) {
            throw new IllegalArgumentException("prices: currency " + currency + " needs brl_per_unit, its rate to R$");
        }
        boolean sameUnits = currency.equalsIgnoreCase(d.currency);
        Map<String, double[]> ai = new LinkedHashMap<>();
        if (n.has("ai_per_million_tokens")) {
            n.get("ai_per_million_tokens").fields().forEachRemaining(e -> ai.put(e.getKey(), new double[] {
                    positive(e.getValue().path("input"), "ai_per_million_tokens." + e.getKey() + ".input"),
                    positive(e.getValue().path("output"), "ai_per_million_tokens." + e.getKey() + ".output")}));
        } else if (sameUnits) {
            ai.putAll(d.aiPerMillion);
        } else {
            throw new IllegalArgumentException("prices in " + currency + " must give ai_per_million_tokens (the defaults are in USD)");
        }
        Map<String, Double> instances = new LinkedHashMap<>();
        if (n.has("instance_per_hour")) {
            n.get("instance_per_hour").fields().forEachRemaining(e -> instances.put(e.getKey(), positive(e.getValue(), "instance_per_hour." + e.getKey())));
        } else if (sameUnits) {
            instances.putAll(d.instancePerHour);
        }
        double storage = n.has("storage_per_gb_month") ? positive(n.get("storage_per_gb_month"), "storage_per_gb_month")
                : sameUnits ? d.storagePerGbMonth : 0;
        return new TestPrices(n.path("date").asText("undated"), n.path("source").asText("not given"), currency,
                Double.isNaN(rate) ? 1.0 : rate, ai, instances, storage);
    }

    private static double positive(JsonNode v, String key) {
        if (!v.isNumber() && !(v.isTextual() && v.asText().matches("\\d+(\\.\\d+)?"))) {
            throw new IllegalArgumentException("prices: " + key + " must be a number, was '" + v.asText() + "'");
        }
        double d = v.asDouble();
        if (d < 0) {
            throw new IllegalArgumentException("prices: " + key + " must be zero or more, was " + d);
        }
        return d;
    }

    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("date", date).put("source", source).put("currency", currency).put("brl_per_unit", brlPerUnit);
        ObjectNode ai = n.putObject("ai_per_million_tokens");
        aiPerMillion.forEach((m, p) -> ai.putObject(m).put("input", p[0]).put("output", p[1]));
        ObjectNode inst = n.putObject("instance_per_hour");
        instancePerHour.forEach(inst::put);
        n.put("storage_per_gb_month", storagePerGbMonth);
        return n;
    }

    /** R$ per hour of one {@code type} instance; 0 when the type has no price. */
    public double instanceHourBrl(String type) {
        return instancePerHour.getOrDefault(type, 0.0) * brlPerUnit;
    }

    public double storageGbMonthBrl() {
        return storagePerGbMonth * brlPerUnit;
    }

    /**
     * These AI prices as carga-ai's run properties ({@code ai.price.currency}, {@code ai.price.exchange-rate},
     * {@code ai.price.<model>=in,out}, and {@code ai.models} for models it does not know), so the clients price
     * each answer with them.
     */
    public Map<String, String> aiProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ai.price.currency", currency);
        p.put("ai.price.exchange-rate", String.valueOf(brlPerUnit));
        aiPerMillion.forEach((m, v) -> p.put("ai.price." + m, v[0] + "," + v[1]));
        p.put("ai.models", String.join(",", aiPerMillion.keySet()));
        return p;
    }

    /** "2026-12-01, carga defaults: …" for assumptions lines. */
    public String provenance() {
        return "prices of " + date + " (" + source + "), in " + currency + (currency.equals("BRL") ? "" : " at R$ " + brlPerUnit);
    }
}
