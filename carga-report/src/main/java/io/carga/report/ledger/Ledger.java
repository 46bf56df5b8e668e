package io.carga.report.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.report.cost.CostInputs;
import io.carga.report.results.ResultsFiles;
import io.carga.report.results.ResultsLogReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The test-cost ledger: {@value #FILE} in the results root (the folder holding the results folders,
 * {@code results/} by default), one JSON line per run, appended and never rewritten. It sits beside the
 * results because that is what the runs share: every run writing under one root is counted in one ledger,
 * wherever carga was started, and a folder and its line are found together.
 *
 * <p><b>Every run, killed ones included.</b> A run appends its own line when it ends (a signal still gets
 * there). A SIGKILLed one cannot, so whoever reads the ledger first {@linkplain #entries() reconciles} it:
 * each results folder without a line, whose run is not alive, is priced from its folder ({@link CostInputs},
 * the results log) and its line appended, marked {@code rebuilt}. A run is alive while it holds the OS lock
 * on its folder's {@value #RUNNING} file ({@link #running}); the OS drops the lock of a killed process, so
 * a killed run is told from a live one without waiting. Appends hold an OS lock on the ledger, so runs of
 * several processes never interleave a line or append one twice.
 */
public final class Ledger {
    public static final String FILE = "ledger.jsonl";
    /** Held (OS file lock) by a run while it goes on. */
    public static final String RUNNING = ".running";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One JVM cannot take an OS lock twice on one file; threads of one JVM queue here first. */
    private static final Object IN_PROCESS = new Object();

    private final Path root;

    public Ledger(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The ledger of the root that holds {@code resultsDir} (its parent). */
    public static Ledger beside(Path resultsDir) {
        Path parent = resultsDir.toAbsolutePath().normalize().getParent();
        return new Ledger(parent == null ? Path.of(".") : parent);
    }

    public Path file() {
        return root.resolve(FILE);
    }

    /** Marks the run in {@code dir} alive until closed (then the file is removed). */
    public static AutoCloseable running(Path dir) throws IOException {
        Path f = dir.resolve(RUNNING);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.lock();
        return () -> {
            lock.release();
            ch.close();
            Files.deleteIfExists(f);
        };
    }

    /** Appends {@code e} unless its folder already has a line. */
    public void append(LedgerEntry e) throws IOException {
        locked(() -> {
            if (!folders().contains(e.folder())) {
                write(e);
            }
        });
    }

    /** Every line, after reconciling: runs killed without writing theirs get one now. */
    public List<LedgerEntry> entries() throws IOException {
        locked(this::reconcile);
        return read();
    }

    /** The lines as they are, without reconciling. */
    public List<LedgerEntry> read() throws IOException {
        if (!Files.exists(file())) {
            return List.of();
        }
        List<LedgerEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(LedgerEntry.of(JSON.readTree(line)));
            }
        }
        return out;
    }

    private void reconcile() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<String> known = folders();
        for (Path d : runFolders()) {
            if (!known.contains(key(d)) && Files.exists(d.resolve(ResultsFiles.TIMESERIES)) && !alive(d)) {
                ResultsLogReader.Rebuilt run = new ResultsLogReader().read(d);
                write(TestCost.of(run.meta(), run.aggregate(), d, CostInputs.read(d), true).withFolder(key(d)));
            }
        }
    }

    /** The results folders under the root: its subfolders, and the stage folders of a pipeline's folder. */
    private List<Path> runFolders() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(d.resolve(ResultsFiles.RUN))) {
                    out.add(d);
                } else {
                    try (Stream<Path> inner = Files.list(d)) {
                        inner.filter(x -> Files.isRegularFile(x.resolve(ResultsFiles.RUN))).sorted().forEach(out::add);
                    }
                }
            }
        }
        return out;
    }

    /** A folder's name in the ledger: its path under the root ({@code 20261207-101500/01-smoke_test}). */
    public String key(Path dir) {
        return root.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Whether a run still holds its folder's lock (a killed process holds nothing). */
    static boolean alive(Path dir) throws IOException {
        Path f = dir.resolve(RUNNING);
        if (!Files.exists(f)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // it just ended
        }
    }

    private Set<String> folders() throws IOException {
        return read().stream().map(LedgerEntry::folder).collect(Collectors.toCollection(TreeSet::new));
    }

    private void write(LedgerEntry e) throws IOException {
        Files.writeString(file(), e.toJsonLine() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void locked(IoAction action) throws IOException {
        Files.createDirectories(root);
        synchronized (IN_PROCESS) {
            try (FileChannel ch = FileChannel.open(root.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                action.run();
            }
        }
    }
}
