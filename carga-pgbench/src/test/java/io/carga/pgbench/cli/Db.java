package io.carga.pgbench.cli;

import io.carga.pgbench.CapturedConsole;
import io.carga.pgbench.TestDb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code carga db} with the given arguments against the shared test database. */
record Db(int exit, String out, String err) {

    static Db run(String... args) {
        CapturedConsole cc = new CapturedConsole();
        // no JIT warm-up: the tests run tiny workloads (RunTest checks that warm-up is reported)
        List<String> all = new ArrayList<>(List.of("--jdbc-url", TestDb.get().jdbcUrl(), "-U", "postgres"));
        if (!List.of(args).contains("--warmup")) all.addAll(List.of("--warmup", "0"));
        all.addAll(List.of(args));
        CommandLine cl = new CommandLine(new DbCommand(null, cc.console));
        cl.setPosixClusteredShortOptionsAllowed(true);
        int exit = cl.execute(all.toArray(String[]::new));
        return new Db(exit, cc.out(), cc.err());
    }
}
