package io.carga.cli.plan;

import io.carga.core.threshold.Threshold;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where a loaded plan's parts were written. Checks that run after loading ({@link PlanWarnings}) point at
 * the same line:column an error there would, so the plan keeps its YAML positions, and the place of each
 * threshold it built (thresholds are core records and know nothing of files).
 */
public final class Locations {
    private final YamlTree tree;
    private final String file;
    // By identity: two thresholds with the same text in two places are two places.
    private final Map<Threshold, String> thresholds = new IdentityHashMap<>();

    Locations(YamlTree tree, String file) {
        this.tree = tree;
        this.file = file;
    }

    /** Remembers that {@code t} was read at {@code pointer}; returns it. */
    Threshold note(Threshold t, String pointer) {
        thresholds.put(t, pointer);
        return t;
    }

    /** The JSON pointer {@code t} was read at, or the empty pointer (the document) when unknown. */
    String pointerOf(Threshold t) {
        return thresholds.getOrDefault(t, "");
    }

    /** {@code file:line:column: warning: message} at the value of {@code pointer}. */
    PlanException.Problem warning(String pointer, String message) {
        YamlTree.Pos pos = tree.valueAt(pointer);
        return new PlanException.Problem(file, pos.line(), pos.column(), "warning: " + message);
    }

    /** {@code line N} of the value at {@code pointer}, for a message that names a second place. */
    String line(String pointer) {
        return "line " + tree.valueAt(pointer).line();
    }
}
