package io.carga.cli.db;

import io.carga.pgbench.run.ConnectionFactory;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carga db}'s connection options, pgbench's ({@code -h -p -U -d}, the PG* variables), or a PgJDBC URL. */
final class DbConnection {
    @Option(names = {"-h", "--host"}, paramLabel = "HOSTNAME", description = "database server host (PGHOST)") String host;
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "database server port (PGPORT, 5432)") Integer port;
    @Option(names = {"-U", "--username"}, paramLabel = "USERNAME", description = "user name (PGUSER)") String user;
    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME", description = "database name (PGDATABASE)") String dbName;
    @Parameters(arity = "0..1", paramLabel = "DBNAME", description = "database name, as pgbench's last argument") String dbArg;
    @Option(names = "--jdbc-url", paramLabel = "URL", description = "a full PgJDBC URL instead of -h/-p/-d") String jdbcUrl;
    @Option(names = "--embedded", description = "run against a throwaway embedded PostgreSQL") boolean embedded;

    /** Whether no database is named (no option, no PG* variable), or --embedded asks for a throwaway one. */
    boolean embedded() {
        if (embedded) return true;
        if (jdbcUrl != null || host != null || port != null || dbName != null || dbArg != null || user != null) return false;
        Map<String, String> env = System.getenv();
        return env.get("PGHOST") == null && env.get("PGPORT") == null && env.get("PGDATABASE") == null;
    }

    /** -h -p -U -d and the PG* variables into a PgJDBC URL, or --jdbc-url as given. */
    ConnectionFactory connections() {
        Map<String, String> env = System.getenv();
        Properties props = new Properties();
        String u = user != null ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        if (jdbcUrl != null) {
            if (user != null) props.setProperty("user", user);
            if (env.get("PGPASSWORD") != null) props.setProperty("password", env.get("PGPASSWORD"));
            return new ConnectionFactory(jdbcUrl, props);
        }
        String h = host != null ? host : env.getOrDefault("PGHOST", "localhost");
        if (h.startsWith("/")) h = "localhost"; // a socket directory: JDBC speaks TCP only
        int p = port != null ? port : Integer.parseInt(env.getOrDefault("PGPORT", "5432"));
        String db = dbName != null ? dbName : dbArg != null ? dbArg
                : env.getOrDefault("PGDATABASE", env.getOrDefault("PGUSER", u));
        props.setProperty("user", u);
        if (env.get("PGPASSWORD") != null) props.setProperty("password", env.get("PGPASSWORD"));
        return new ConnectionFactory("jdbc:postgresql://" + h + ":" + p + "/" + db, props);
    }
}
