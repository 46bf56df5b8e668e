package io.carga.report.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The names of the files in a results folder, and writing them safely. */
public final class ResultsFiles {
    /** Facts about the run: written at start, completed at the end. */
    public static final String RUN = "run.json";
    /** HdrHistogram interval log (the library's standard format), one histogram per series per interval. */
    public static final String HLOG = "latency.hlog";
    /** One JSON line per interval: counts by outcome, latency figures, users, dropped, generator health. */
    public static final String TIMESERIES = "timeseries.jsonl";
    /** The whole run's histograms, written when it ends (absent after a crash). */
    public static final String TOTALS = "totals.hlog";
    /** The end summary; rebuilt by {@code carga report DIR}. */
    public static final String SUMMARY = "summary.json";

    /** Tag prefixes inside the hlog. */
    public static final String LATENCY = "L:";
    public static final String SERVICE = "S:";
    public static final String TIMING = "T:";
    public static final String LAG = "G:lag";
    /** Scheduling lag after the first (warm-up) interval, in the totals only. */
    public static final String LAG_STEADY = "G:lag-steady";

    private ResultsFiles() {
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a file. */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes sure {@code dir} exists and can be written, with a clear message otherwise. */
    public static void prepare(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create results folder " + dir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("results folder " + dir + " is not writable");
        }
        Path probe = dir.resolve(".carga-write-test");
        try {
            Files.writeString(probe, "");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("results folder " + dir + " is not writable: " + e.getMessage(), e);
        }
    }
}
