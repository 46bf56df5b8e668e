package io.carga.pgbench.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The scale and partitioning of pgbench's tables, read as pgbench's GetTableInfo does. */
record TableInfo(int scale, String partitionMethod, int partitions) {

    static TableInfo read(Connection con) throws SQLException {
        int scale;
        try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pgbench_branches")) {
            rs.next();
            scale = rs.getInt(1);
        } catch (SQLException e) {
            String hint = "42P01".equals(e.getSQLState())
                    ? "\nhint: Perhaps you need to do initialization (\"carga db -i\") in database \"" + con.getCatalog() + "\"."
                    : "";
            throw new SQLException("could not count number of branches: " + e.getMessage() + hint, e.getSQLState(), e);
        }
        String method = null;
        int partitions = 0;
        try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery(
                "select o.n, p.partstrat, pg_catalog.count(i.inhparent) "
                        + "from pg_catalog.pg_class as c "
                        + "join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) "
                        + "cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) "
                        + "left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) "
                        + "left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) "
                        + "where c.relname = 'pgbench_accounts' and o.n is not null "
                        + "group by 1, 2 order by 1 asc limit 1")) {
            if (rs.next()) {
                String strat = rs.getString(2);
                method = strat == null ? null : strat.equals("r") ? "range" : strat.equals("h") ? "hash" : strat;
                partitions = rs.getInt(3);
            }
        } catch (SQLException e) {
            // an old server without pg_partitioned_table: assume no partitioning, as pgbench does
        }
        return new TableInfo(scale, method, partitions);
    }
}
