package io.carga.cli.db;

import io.carga.pgbench.CapturedConsole;
import io.carga.pgbench.TestDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code carga db} with the given arguments against the shared test database. Without {@code --out}, its
 * results folder goes to a fresh temporary folder ({@link #dir}).
 */
record Db(int exit, String out, String err, Path dir) {

    /** A one-statement script file in {@code dir} (a random draw, then SELECT it), as carga db takes it. */
    static String selectScript(Path dir) throws IOException {
        Path f = dir.resolve("q.sql");
        Files.writeString(f, "\\set a random(1, 10)\nSELECT :a;\n");
        return f.toString();
    }

    static Db run(String... args) {
        CapturedConsole cc = new CapturedConsole();
        List<String> all = new ArrayList<>(List.of("--jdbc-url", TestDb.get().jdbcUrl(), "-U", "postgres"));
        List<String> given = List.of(args);
        Path dir;
        int at = given.indexOf("--out");
        if (at >= 0) {
            dir = Path.of(given.get(at + 1));
        } else {
            try {
                dir = Files.createTempDirectory("carga-db-test").resolve("run");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!given.contains("-i") && !given.contains("--show-script")) all.addAll(List.of("--out", dir.toString()));
        }
        all.addAll(given);
        CommandLine cl = new CommandLine(new DbCommand(cc.console));
        cl.setPosixClusteredShortOptionsAllowed(true);
        int exit = cl.execute(all.toArray(String[]::new));
        return new Db(exit, cc.out(), cc.err(), dir);
    }
}
