package io.carga.pgbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code -i}: creates and fills pgbench's standard tables exactly as pgbench 15 does (same DDL, same
 * rows, COPY ... FREEZE on ordinary tables), step by step as {@code -I} says.
 *
 * <pre>
 * d  drop the four tables        t  create them (optionally unlogged, partitioned)
 * g  generate data client-side   G  generate data server-side
 * v  vacuum analyze              p  primary keys                 f  foreign keys
 * </pre>
 */
public final class Initializer {

    public static final String ALL_STEPS = "dtgGvpf";
    public static final String DEFAULT_STEPS = "dtgvp";
    private static final int NBRANCHES = 1, NTELLERS = 10, NACCOUNTS = 100_000;
    private static final int SCALE_32BIT_THRESHOLD = 20_000;

    /**
     * @param steps           the -I string (validated by {@link #checkSteps})
     * @param partitionMethod "range", "hash" or null (none)
     */
    public record Options(String steps, int scale, int fillfactor, boolean unlogged, int partitions,
                          String partitionMethod, boolean quiet) {}

    private final Options o;
    private final PrintStream err;

    public Initializer(Options options, PrintStream err) {
        this.o = options;
        this.err = err;
    }

    /** Throws with pgbench's message when a step letter is unknown. */
    public static void checkSteps(String steps) {
        if (steps.isEmpty()) throw new IllegalArgumentException("no initialization steps specified");
        for (char c : steps.toCharArray()) {
            if ((ALL_STEPS + " ").indexOf(c) < 0) {
                throw new IllegalArgumentException("unrecognized initialization step \"" + c
                        + "\"\nAllowed step characters are: \"" + ALL_STEPS + "\".");
            }
        }
    }

    public void run(Connection con) throws SQLException {
        StringBuilder stats = new StringBuilder();
        double total = 0;
        for (char step : o.steps().toCharArray()) {
            long t0 = System.nanoTime();
            String op = switch (step) {
                case 'd' -> { drop(con); yield "drop tables"; }
                case 't' -> { create(con); yield "create tables"; }
                case 'g' -> { generateClientSide(con); yield "client-side generate"; }
                case 'G' -> { generateServerSide(con); yield "server-side generate"; }
                case 'v' -> { vacuum(con); yield "vacuum"; }
                case 'p' -> { primaryKeys(con); yield "primary keys"; }
                case 'f' -> { foreignKeys(con); yield "foreign keys"; }
                default -> null;
            };
            if (op != null) {
                double s = (System.nanoTime() - t0) / 1e9;
                if (!stats.isEmpty()) stats.append(", ");
                stats.append(String.format(Locale.ROOT, "%s %.2f s", op, s));
                total += s;
            }
        }
        err.printf(Locale.ROOT, "done in %.2f s (%s).%n", total, stats);
    }

    private static void exec(Connection con, String sql) throws SQLException {
        try (Statement s = con.createStatement()) {
            s.execute(sql);
        }
    }

    private void drop(Connection con) throws SQLException {
        err.println("dropping old tables...");
        exec(con, "drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
    }

    private void create(Connection con) throws SQLException {
        String[][] ddl = {
                {"pgbench_history", "tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22)",
                        "tid int,bid int,aid bigint,delta int,mtime timestamp,filler char(22)", "0"},
                {"pgbench_tellers", "tid int not null,bid int,tbalance int,filler char(84)",
                        "tid int not null,bid int,tbalance int,filler char(84)", "1"},
                {"pgbench_accounts", "aid    int not null,bid int,abalance int,filler char(84)",
                        "aid bigint not null,bid int,abalance int,filler char(84)", "1"},
                {"pgbench_branches", "bid int not null,bbalance int,filler char(88)",
                        "bid int not null,bbalance int,filler char(88)", "1"}};
        err.println("creating tables...");
        boolean partitioned = o.partitionMethod() != null;
        for (String[] d : ddl) {
            StringBuilder q = new StringBuilder("create");
            if (o.unlogged()) q.append(" unlogged"); // pgbench 15 makes the partitioned parent unlogged too
            q.append(" table ").append(d[0]).append('(').append(o.scale() >= SCALE_32BIT_THRESHOLD ? d[2] : d[1]).append(')');
            if (partitioned && d[0].equals("pgbench_accounts")) {
                q.append(" partition by ").append(o.partitionMethod()).append(" (aid)");
            } else if (d[3].equals("1")) {
                q.append(" with (fillfactor=").append(o.fillfactor()).append(')');
            }
            exec(con, q.toString());
        }
        if (partitioned) createPartitions(con);
    }

    private void createPartitions(Connection con) throws SQLException {
        err.printf("creating %d partitions...%n", o.partitions());
        long n = (long) NACCOUNTS * o.scale();
        for (int p = 1; p <= o.partitions(); p++) {
            StringBuilder q = new StringBuilder("create").append(o.unlogged() ? " unlogged" : "")
                    .append(" table pgbench_accounts_").append(p).append("\n  partition of pgbench_accounts\n");
            if (o.partitionMethod().equals("range")) {
                long size = (n + o.partitions() - 1) / o.partitions();
                q.append("  for values from (").append(p == 1 ? "minvalue" : String.valueOf((p - 1) * size + 1))
                        .append(") to (").append(p < o.partitions() ? String.valueOf(p * size + 1) : "maxvalue").append(')');
            } else {
                q.append("  for values with (modulus ").append(o.partitions()).append(", remainder ").append(p - 1).append(')');
            }
            q.append(" with (fillfactor=").append(o.fillfactor()).append(')');
            exec(con, q.toString());
        }
    }

    private void generateClientSide(Connection con) throws SQLException {
        err.println("generating data (client-side)...");
        exec(con, "begin");
        exec(con, "truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        int version = con.getMetaData().getDatabaseMajorVersion();
        populate(con, copy, version, "pgbench_branches", NBRANCHES, k -> (k + 1) + "\t0\t\\N\n");
        populate(con, copy, version, "pgbench_tellers", NTELLERS, k -> (k + 1) + "\t" + (k / NTELLERS + 1) + "\t0\t\\N\n");
        populate(con, copy, version, "pgbench_accounts", NACCOUNTS, k -> (k + 1) + "\t" + (k / NACCOUNTS + 1) + "\t0\t\n");
        exec(con, "commit");
    }

    private void populate(Connection con, CopyManager copy, int version, String table, int base,
                          java.util.function.LongFunction<String> row) throws SQLException {
        String sql = "copy " + table + " from stdin";
        if (version >= 14 && "r".equals(relkind(con, table))) sql += " with (freeze on)";
        long total = (long) base * o.scale();
        long start = System.nanoTime();
        Reader reader = new Reader() {
            long k;
            String pending = "";
            int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                int n = 0;
                while (n < len) {
                    if (pos == pending.length()) {
                        if (k >= total) break;
                        pending = row.apply(k++);
                        pos = 0;
                        if (!o.quiet() && k % 100_000 == 0) progress(k, total, table, start);
                    }
                    int c = Math.min(len - n, pending.length() - pos);
                    pending.getChars(pos, pos + c, buf, off + n);
                    pos += c;
                    n += c;
                }
                return n == 0 ? -1 : n;
            }

            @Override
            public void close() {}
        };
        try {
            copy.copyIn(sql, reader, 65536);
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    private void progress(long j, long total, String table, long start) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double remaining = (total - j) * elapsed / j;
        err.printf(Locale.ROOT, "%d of %d tuples (%d%%) of %s done (elapsed %.2f s, remaining %.2f s)%n",
                j, total, j * 100 / total, table, elapsed, remaining);
    }

    private static String relkind(Connection con, String table) throws SQLException {
        try (Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("select relkind from pg_catalog.pg_class where oid = '" + table + "'::regclass")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void generateServerSide(Connection con) throws SQLException {
        err.println("generating data (server-side)...");
        exec(con, "begin");
        exec(con, "truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
        exec(con, "insert into pgbench_branches(bid,bbalance) select bid, 0 from generate_series(1, "
                + NBRANCHES * o.scale() + ") as bid");
        exec(con, "insert into pgbench_tellers(tid,bid,tbalance) select tid, (tid - 1) / " + NTELLERS
                + " + 1, 0 from generate_series(1, " + NTELLERS * o.scale() + ") as tid");
        exec(con, "insert into pgbench_accounts(aid,bid,abalance,filler) select aid, (aid - 1) / " + NACCOUNTS
                + " + 1, 0, '' from generate_series(1, " + (long) NACCOUNTS * o.scale() + ") as aid");
        exec(con, "commit");
    }

    private void vacuum(Connection con) throws SQLException {
        err.println("vacuuming...");
        for (String t : new String[] {"pgbench_branches", "pgbench_tellers", "pgbench_accounts", "pgbench_history"}) {
            exec(con, "vacuum analyze " + t);
        }
    }

    private void primaryKeys(Connection con) throws SQLException {
        err.println("creating primary keys...");
        exec(con, "alter table pgbench_branches add primary key (bid)");
        exec(con, "alter table pgbench_tellers add primary key (tid)");
        exec(con, "alter table pgbench_accounts add primary key (aid)");
    }

    private void foreignKeys(Connection con) throws SQLException {
        err.println("creating foreign keys...");
        exec(con, "alter table pgbench_tellers add constraint pgbench_tellers_bid_fkey foreign key (bid) references pgbench_branches");
        exec(con, "alter table pgbench_accounts add constraint pgbench_accounts_bid_fkey foreign key (bid) references pgbench_branches");
        exec(con, "alter table pgbench_history add constraint pgbench_history_bid_fkey foreign key (bid) references pgbench_branches");
        exec(con, "alter table pgbench_history add constraint pgbench_history_tid_fkey foreign key (tid) references pgbench_tellers");
        exec(con, "alter table pgbench_history add constraint pgbench_history_aid_fkey foreign key (aid) references pgbench_accounts");
    }
}
