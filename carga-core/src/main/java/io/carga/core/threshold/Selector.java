package io.carga.core.threshold;

import io.carga.core.metrics.SeriesKey;

/**
 * One condition on a request series, used to scope a threshold: {@code name=POST /api/login},
 * {@code tier=api_endpoints}, {@code group=checkout}, or a tag {@code model=gemini-2.5-flash}.
 */
public sealed interface Selector {
    boolean matches(SeriesKey key, Tiers tiers);

    String label();

    /** The request name, {@code *} matching any run of characters. */
    record Name(String glob) implements Selector {
        @Override
        public boolean matches(SeriesKey key, Tiers tiers) {
            return Tiers.glob(glob, key.name());
        }

        @Override
        public String label() {
            return "name=" + glob;
        }
    }

    /** A tag's exact value ({@code *} for any value as long as the tag is present). */
    record Tag(String key, String value) implements Selector {
        @Override
        public boolean matches(SeriesKey k, Tiers tiers) {
            String v = k.tags().get(key);
            return v != null && Tiers.glob(value, v);
        }

        @Override
        public String label() {
            return key + "=" + value;
        }
    }

    /** A service tier of the plan: request names and tags, see {@link Tiers}. */
    record Tier(String name) implements Selector {
        @Override
        public boolean matches(SeriesKey key, Tiers tiers) {
            return tiers.matches(name, key);
        }

        @Override
        public String label() {
            return "tier=" + name;
        }
    }

    /**
     * A group of requests: those tagged {@code group=NAME}, or named {@code NAME/…} or {@code NAME.…}
     * (the scenario API's grouping conventions).
     */
    record Group(String name) implements Selector {
        @Override
        public boolean matches(SeriesKey key, Tiers tiers) {
            return name.equals(key.tags().get("group")) || key.name().startsWith(name + "/")
                    || key.name().startsWith(name + ".");
        }

        @Override
        public String label() {
            return "group=" + name;
        }
    }
}
