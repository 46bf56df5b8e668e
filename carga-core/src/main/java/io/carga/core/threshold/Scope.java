package io.carga.core.threshold;

import io.carga.core.metrics.SeriesKey;
import java.util.List;
import java.util.stream.Collectors;

/** The request series a threshold looks at: those matching every selector (all series when empty). */
public record Scope(List<Selector> selectors) {
    public static final Scope ALL = new Scope(List.of());

    public Scope {
        selectors = List.copyOf(selectors);
    }

    public static Scope of(Selector... s) {
        return new Scope(List.of(s));
    }

    public boolean matches(SeriesKey key, Tiers tiers) {
        for (Selector s : selectors) {
            if (!s.matches(key, tiers)) {
                return false;
            }
        }
        return true;
    }

    public boolean isAll() {
        return selectors.isEmpty();
    }

    /** {@code {tier=api_endpoints}}, or the empty string for all series. */
    public String label() {
        return isAll() ? "" : selectors.stream().map(Selector::label).collect(Collectors.joining(",", "{", "}"));
    }
}
