package io.carga.pgbench.run;

import io.carga.pgbench.script.Command;
import java.util.Locale;

/**
 * What the warm-up rehearsal sends in place of a script's SQL command, so that the JIT compiles the run's
 * whole statement path (the client loop, substitution, PgJDBC's handling of every reply) while nothing the
 * run can see is written:
 * <ul>
 *   <li>a query ({@code SELECT}, {@code VALUES}, {@code TABLE}, {@code SHOW}) goes as it is, on a
 *       connection that is read-only meanwhile;</li>
 *   <li>transaction control goes as a plain {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} (so that no
 *       {@code READ WRITE} option lifts the read-only default);</li>
 *   <li>an {@code INSERT}, {@code UPDATE} or {@code DELETE} becomes the same command on the session's own
 *       empty temporary table {@link #TABLE}, which a read-only transaction may write: the server answers
 *       with the same kind of command tag, and touches no table of the database;</li>
 *   <li>anything else is skipped.</li>
 * </ul>
 */
final class StandIn {
    /** The rehearsal's table: temporary, so private to its session, and dropped with it. */
    static final String TABLE = "carga_rehearsal";
    static final String CREATE = "CREATE TEMP TABLE IF NOT EXISTS " + TABLE + " (n int)";
    /**
     * Drops it at the end of the rehearsal (and any other temporary table, but the scripts have not run yet).
     * Not {@code DROP TABLE}: PgJDBC reads a {@code DROP}'s reply on a path of its own, which the JIT would have
     * to compile again right before the run.
     */
    static final String DROP = "DISCARD TEMP";

    private StandIn() {}

    /** Sends nothing (a marker, compared by identity). */
    static final String SKIP = new String("(skipped)");

    /**
     * What the rehearsal sends for {@code cmd}: null for the command itself (a query), {@link #SKIP} for nothing,
     * or a stand-in's text. {@code simple}: the session speaks the simple protocol, the only one whose texts
     * can be replaced (the others' statements are prepared once, for the run). {@code writes}: as in {@link #of}.
     */
    static String forCommand(Command.Sql cmd, boolean simple, boolean writes) {
        if (isQuery(cmd.text())) return null;
        String s = simple && cmd.meta() == Command.Meta.NONE ? of(cmd.text(), writes) : null;
        return s == null ? SKIP : s;
    }

    /**
     * The text to send in place of a command that is not a query, or null to skip it. {@code writes}: whether
     * the session has the temporary table for the writes' stand-ins.
     */
    static String of(String text, boolean writes) {
        return switch (firstWord(text)) {
            case "BEGIN", "START" -> "BEGIN";
            case "END", "COMMIT" -> "COMMIT";
            case "ROLLBACK", "ABORT" -> "ROLLBACK";
            case "INSERT" -> writes ? "INSERT INTO pg_temp." + TABLE + " SELECT 1 WHERE false" : null;
            case "UPDATE" -> writes ? "UPDATE pg_temp." + TABLE + " SET n = n" : null;
            case "DELETE" -> writes ? "DELETE FROM pg_temp." + TABLE : null;
            default -> null;
        };
    }

    /** Whether the statement's first word names a query, which the rehearsal sends as it is. */
    static boolean isQuery(String text) {
        return switch (firstWord(text)) {
            case "SELECT", "VALUES", "TABLE", "SHOW" -> true;
            default -> false;
        };
    }

    /** The statement's first word in capitals, after blanks and {@code --} comments. */
    static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) end++;
        return sql.substring(i, end).toUpperCase(Locale.ROOT);
    }
}
