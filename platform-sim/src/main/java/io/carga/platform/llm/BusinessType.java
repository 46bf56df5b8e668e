package io.carga.platform.llm;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The business types the spec's journeys send, with what the content templates need to talk about them.
 * Lookup is forgiving the way a real form backend is: accents, case, spaces/underscores and the English
 * aliases the spec's setup wizard uses ({@code restaurant}) all resolve.
 */
public enum BusinessType {
    PADARIA("padaria", "padaria", List.of("pão francês quentinho", "bolo de fubá", "pão de queijo", "sonho de creme"),
            "bakery"),
    RESTAURANTE("restaurante", "restaurante", List.of("prato executivo", "feijoada de sábado", "moqueca", "parmegiana"),
            "restaurant"),
    LOJA_ROUPAS("loja_roupas", "loja de roupas", List.of("vestido floral", "calça jeans", "camiseta básica", "moda praia"),
            "clothing_store", "loja_de_roupas"),
    SALAO_BELEZA("salao_beleza", "salão de beleza", List.of("escova progressiva", "corte feminino", "manicure", "coloração"),
            "beauty_salon", "salao_de_beleza"),
    ACAI("acai", "açaiteria", List.of("açaí na tigela", "açaí com granola", "copo de 500 ml", "açaí com banana"),
            "acaiteria"),
    CHURRASCARIA("churrascaria", "churrascaria", List.of("picanha na brasa", "rodízio completo", "costela", "pão de alho"),
            "steakhouse"),
    FARMACIA("farmacia", "farmácia", List.of("vitaminas", "protetor solar", "medicamentos genéricos", "dermocosméticos"),
            "pharmacy", "drogaria"),
    PET_SHOP("pet_shop", "pet shop", List.of("banho e tosa", "ração premium", "brinquedos para cães", "consulta veterinária"),
            "petshop"),
    ACADEMIA("academia", "academia", List.of("plano mensal", "aula de spinning", "treino funcional", "avaliação física"),
            "gym");

    public final String key;
    public final String label;
    public final List<String> products;
    private final List<String> aliases;

    BusinessType(String key, String label, List<String> products, String... aliases) {
        this.key = key;
        this.label = label;
        this.products = products;
        this.aliases = Arrays.asList(aliases);
    }

    /** {@code "Salão de Beleza"}, {@code "salao_beleza"}, {@code "beauty_salon"} all give SALAO_BELEZA. */
    public static Optional<BusinessType> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String k = normalize(raw);
        for (BusinessType t : values()) {
            if (t.key.equals(k) || normalize(t.label).equals(k) || t.aliases.contains(k)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Finds the first business type a free-text prompt mentions. */
    public static Optional<BusinessType> mentionedIn(String text) {
        String t = normalize(text);
        for (BusinessType b : values()) {
            if (t.contains(b.key) || t.contains(normalize(b.label)) || b.aliases.stream().anyMatch(t::contains)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(b -> b.key).toList();
    }

    static String normalize(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).trim().replaceAll("[\\s-]+", "_");
    }
}
