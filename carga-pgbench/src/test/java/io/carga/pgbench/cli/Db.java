package io.carga.pgbench.cli;

import io.carga.pgbench.CapturedConsole;
import io.carga.pgbench.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code carga db} with the given arguments against the shared test database. */
record Db(int exit, String out, String err) {

    /** A one-statement script file in {@code dir} (a random draw, then SELECT it), as carga db takes it. */
    static String selectScript(Path dir) throws IOException {
        Path f = dir.resolve("q.sql");
        Files.writeString(f, "\\set a random(1, 10)\nSELECT :a;\n");
        return f.toString();
    }

    static Db run(String... args) {
        return run(null, args);
    }

    /** With a results folder (a test double: carga-report's is wired by the CLI). */
    static Db run(ResultsFolder results, String... args) {
        CapturedConsole cc = new CapturedConsole();
        // no JIT warm-up: the tests run tiny workloads (RunTest checks that warm-up is reported)
        List<String> all = new ArrayList<>(List.of("--jdbc-url", TestDb.get().jdbcUrl(), "-U", "postgres"));
        if (!List.of(args).contains("--warmup")) all.addAll(List.of("--warmup", "0"));
        all.addAll(List.of(args));
        CommandLine cl = new CommandLine(new DbCommand(results, null, cc.console));
        cl.setPosixClusteredShortOptionsAllowed(true);
        int exit = cl.execute(all.toArray(String[]::new));
        return new Db(exit, cc.out(), cc.err());
    }
}
