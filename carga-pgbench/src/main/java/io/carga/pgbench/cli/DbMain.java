package io.carga.pgbench.cli;

import picocli.CommandLine;

/** Runs {@code carga db} without the rest of carga (no results folder): {@code java ... DbMain [pgbench options]}. */
public final class DbMain {
    private DbMain() {}

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new DbCommand());
        cl.setPosixClusteredShortOptionsAllowed(true);
        System.exit(cl.execute(args));
    }
}
