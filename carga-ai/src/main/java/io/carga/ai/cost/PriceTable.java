package io.carga.ai.cost;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-model token prices, in one currency, with the exchange rate to the Brazilian real (the spec budgets in
 * R$). Every cost carga reports is in R$. Immutable.
 *
 * <p>The defaults are the spec's figures (section 6.1, {@code cost_per_token}): gemini-2.5-flash 0.000001,
 * gpt-3.5-turbo 0.000002 and gpt-4-turbo 0.00003 per token, input and output alike, read as US dollars
 * (1, 2 and 30 per million tokens) at {@value #DEFAULT_BRL_PER_USD} R$ per dollar. Both are assumptions:
 * override them in code or in the plan ({@code ai.price.<model>=in,out} per million tokens,
 * {@code ai.price.currency}, {@code ai.price.exchange-rate}).
 *
 * <pre>{@code
 * PriceTable t = PriceTable.defaults().with("gpt-4-turbo", 10.0, 30.0);
 * double brl = t.costBrl("gpt-4-turbo", 1200, 300);
 * }</pre>
 */
public final class PriceTable {
    /** R$ per US dollar assumed by the default table. */
    public static final double DEFAULT_BRL_PER_USD = 5.0;
    /** Models the default table prices: the spec's rotation (80/15/5). */
    public static final Set<String> SPEC_MODELS = Set.of("gemini-2.5-flash", "gpt-3.5-turbo", "gpt-4-turbo");

    /** Prices per million tokens, in the table's currency. */
    public record ModelPrice(double inputPerMillion, double outputPerMillion) {
    }

    private final String currency;
    private final double toBrl;
    private final Map<String, ModelPrice> prices;

    private PriceTable(String currency, double toBrl, Map<String, ModelPrice> prices) {
        if (currency == null || currency.isBlank()) {
            throw new AiConfigException("price table: a currency is required (ai.price.currency, e.g. USD or BRL)");
        }
        if (!(toBrl > 0) || Double.isInfinite(toBrl)) {
            throw new AiConfigException("price table: the exchange rate to R$ must be positive, was " + toBrl);
        }
        this.currency = currency.toUpperCase(java.util.Locale.ROOT).equals("R$") ? "BRL" : currency.toUpperCase(java.util.Locale.ROOT);
        this.toBrl = this.currency.equals("BRL") ? 1.0 : toBrl;
        this.prices = Collections.unmodifiableMap(new TreeMap<>(prices));
    }

    /** The spec's figures in US dollars at {@value #DEFAULT_BRL_PER_USD} R$/USD. */
    public static PriceTable defaults() {
        Map<String, ModelPrice> m = new TreeMap<>();
        m.put("gemini-2.5-flash", new ModelPrice(1.0, 1.0));
        m.put("gpt-3.5-turbo", new ModelPrice(2.0, 2.0));
        m.put("gpt-4-turbo", new ModelPrice(30.0, 30.0));
        return new PriceTable("USD", DEFAULT_BRL_PER_USD, m);
    }

    /** An empty table in {@code currency}. */
    public static PriceTable of(String currency, double brlPerUnit) {
        return new PriceTable(currency, brlPerUnit, Map.of());
    }

    /** This table with {@code model} priced per million tokens (a new model is declared by pricing it here). */
    public PriceTable with(String model, double inputPerMillion, double outputPerMillion) {
        if (model == null || model.isBlank()) {
            throw new AiConfigException("price table: a model name is required");
        }
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion + outputPerMillion)) {
            throw new AiConfigException("price table: prices of '" + model + "' must be zero or positive numbers, were "
                    + inputPerMillion + " and " + outputPerMillion);
        }
        Map<String, ModelPrice> m = new TreeMap<>(prices);
        m.put(model, new ModelPrice(inputPerMillion, outputPerMillion));
        return new PriceTable(currency, toBrl, m);
    }

    /** This table's prices read in another currency (the figures stay, their meaning changes). */
    public PriceTable inCurrency(String newCurrency, double brlPerUnit) {
        return new PriceTable(newCurrency, brlPerUnit, prices);
    }

    /**
     * Applies {@code ai.price.*} properties: {@code ai.price.currency}, {@code ai.price.exchange-rate} and
     * {@code ai.price.<model>=<input>,<output>} per million tokens. A model must be one of {@code known}
     * (the default table's and those listed in {@code ai.models}): a typo would otherwise price nothing.
     */
    public PriceTable withProperties(Map<String, String> p, Set<String> known) {
        PriceTable t = this;
        String cur = p.get("ai.price.currency");
        String rate = p.get("ai.price.exchange-rate");
        if (cur != null || rate != null) {
            if (cur == null || cur.isBlank()) {
                throw new AiConfigException("ai.price.exchange-rate is set but ai.price.currency is not: name the currency of the prices");
            }
            double r = cur.equalsIgnoreCase("BRL") || cur.equals("R$") ? 1.0 : number("ai.price.exchange-rate", rate == null ? null : rate);
            t = t.inCurrency(cur, r);
        }
        Set<String> allowed = new TreeSet<>(known);
        allowed.addAll(prices.keySet());
        for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("ai.price.") || key.equals("ai.price.currency") || key.equals("ai.price.exchange-rate")) {
                continue;
            }
            String model = key.substring("ai.price.".length());
            if (!allowed.contains(model)) {
                throw new AiConfigException(key + ": unknown model '" + model + "'; known: " + allowed
                        + " (declare new models in ai.models)");
            }
            String[] parts = e.getValue().split(",");
            if (parts.length != 2) {
                throw new AiConfigException(key + ": expected '<input>,<output>' prices per million tokens, was '" + e.getValue() + "'");
            }
            t = t.with(model, number(key, parts[0]), number(key, parts[1]));
        }
        return t;
    }

    private static double number(String key, String text) {
        if (text == null) {
            throw new AiConfigException(key + " is required");
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new AiConfigException(key + ": not a number: '" + text + "'");
        }
    }

    public String currency() {
        return currency;
    }

    /** R$ per unit of {@link #currency()}. */
    public double brlPerUnit() {
        return toBrl;
    }

    public Map<String, ModelPrice> prices() {
        return prices;
    }

    public boolean prices(String model) {
        return prices.containsKey(model);
    }

    /** Cost in the table's currency, or NaN when the model has no price. */
    public double cost(String model, long inputTokens, long outputTokens) {
        ModelPrice p = prices.get(model);
        if (p == null) {
            return Double.NaN;
        }
        return (inputTokens * p.inputPerMillion() + outputTokens * p.outputPerMillion()) / 1_000_000.0;
    }

    /** Cost in R$, or NaN when the model has no price. */
    public double costBrl(String model, long inputTokens, long outputTokens) {
        return cost(model, inputTokens, outputTokens) * toBrl;
    }

    @Override
    public String toString() {
        return "PriceTable[" + currency + " x" + toBrl + " R$, " + prices + "]";
    }
}
