package io.carga.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** Where results go and how chatty the console is. */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default results/<timestamp>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No live progress line.")
    boolean quiet;

    Path outDir() {
        return out != null ? out : defaultDir();
    }

    /** {@code results/<yyyyMMdd-HHmmss>}: every command that writes a results folder names it so. */
    public static Path defaultDir() {
        return Path.of("results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
