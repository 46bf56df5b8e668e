package io.carga.pgbench.script;

import java.util.ArrayList;
import java.util.List;

/** pgbench's built-in scripts, verbatim, selected by unambiguous prefix as {@code -b} does. */
public final class Builtins {
    private Builtins() {}

    public record Builtin(String name, String desc, String script) {}

    public static final List<Builtin> ALL = List.of(
            new Builtin("tpcb-like", "<builtin: TPC-B (sort of)>", """
                    \\set aid random(1, 100000 * :scale)
                    \\set bid random(1, 1 * :scale)
                    \\set tid random(1, 10 * :scale)
                    \\set delta random(-5000, 5000)
                    BEGIN;
                    UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                    SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                    UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
                    UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
                    INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                    END;
                    """),
            new Builtin("simple-update", "<builtin: simple update>", """
                    \\set aid random(1, 100000 * :scale)
                    \\set bid random(1, 1 * :scale)
                    \\set tid random(1, 10 * :scale)
                    \\set delta random(-5000, 5000)
                    BEGIN;
                    UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                    SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                    INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                    END;
                    """),
            new Builtin("select-only", "<builtin: select only>", """
                    \\set aid random(1, 100000 * :scale)
                    SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                    """));

    /** The builtin whose name starts with {@code prefix}; throws with pgbench's message otherwise. */
    public static Builtin find(String prefix) {
        List<Builtin> found = new ArrayList<>();
        for (Builtin b : ALL) if (b.name().startsWith(prefix)) found.add(b);
        if (found.size() == 1) return found.get(0);
        if (found.isEmpty()) throw new IllegalArgumentException("no builtin script found for name \"" + prefix + "\"");
        throw new IllegalArgumentException("ambiguous builtin name: " + found.size()
                + " builtin scripts found for prefix \"" + prefix + "\"");
    }

    public static Script parse(String prefix, int weight) {
        Builtin b = find(prefix);
        return ScriptParser.parse(b.script(), b.desc(), weight);
    }
}
