package io.carga.observe.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the {@code request} label's values bounded: the first {@code cap} names seen keep their own
 * label, every later one is counted under {@value #OTHER}. Names are logical request names (a scenario's
 * {@code .name("/api/v1/items/{id}")}), never raw URLs, so the cap is a guard, not the normal case.
 * Used on the interval thread only.
 */
public final class RequestNames {
    /** The default cap, high enough for every journey of the spec, low enough for any Prometheus. */
    public static final int DEFAULT_CAP = 200;
    public static final String OTHER = "other";

    private final int cap;
    private final Set<String> kept = new HashSet<>();

    public RequestNames(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the request-name cap must be at least 1, not " + cap);
        }
        this.cap = cap;
    }

    /** The label value for {@code name}. */
    public String label(String name) {
        if (kept.contains(name)) {
            return name;
        }
        if (kept.size() < cap) {
            kept.add(name);
            return name;
        }
        return OTHER;
    }
}
