package io.carga.observe.metrics;

import io.carga.core.metrics.SeriesKey;
import java.util.List;
import java.util.Set;

/**
 * What a request series stands for beyond being a request, for the families only some runs have.
 * A {@code carga db} run knows its scripts: a series named after a script counts its transactions, one
 * named {@code SCRIPT:LINE} times one of its statements. Every other run has only requests.
 */
public interface SeriesRoles {
    /** No database scripts: every series is a plain request. */
    SeriesRoles REQUESTS = key -> null;

    /** The database script a series belongs to, or null when it is not a database series. */
    DbSeries db(SeriesKey key);

    /** @param script the script's name; {@code transaction} for the whole script, false for one statement */
    record DbSeries(String script, boolean transaction) {
    }

    /** The roles of a {@code carga db} run with these scripts. */
    static SeriesRoles dbScripts(List<String> scripts) {
        Set<String> names = Set.copyOf(scripts);
        return key -> {
            String n = key.name();
            if (names.contains(n)) {
                return new DbSeries(n, true);
            }
            int colon = n.lastIndexOf(':');
            if (colon > 0 && names.contains(n.substring(0, colon)) && n.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                return new DbSeries(n.substring(0, colon), false);
            }
            return null;
        };
    }
}
