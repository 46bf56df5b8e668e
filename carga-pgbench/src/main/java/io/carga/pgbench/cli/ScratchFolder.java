package io.carga.pgbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary folder for what nobody keeps (the warm-up rehearsal's practice results folder), made at the first
 * {@link #dir()} (a run without a rehearsal makes none), removed with all it holds when closed.
 */
final class ScratchFolder implements AutoCloseable {
    private final String prefix;
    private Path dir;

    ScratchFolder(String prefix) {
        this.prefix = prefix;
    }

    synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a temporary folder: " + e.getMessage(), e);
            }
        }
        return dir;
    }

    @Override
    public synchronized void close() {
        if (dir == null) return;
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind is the system's to clean; the run's results are unaffected
        }
    }
}
