package io.carga.pgbench.cli;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.threshold.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A results folder that keeps what it is handed instead of writing carga-report's files (the CLI wires
 * those); {@code onInterval} may act on the run through its control, as a budget guard would.
 */
class FakeResultsFolder implements ResultsFolder {
    final Path base;
    final List<IntervalSnapshot> snapshots = new CopyOnWriteArrayList<>();
    /** What outputs for any other folder than the prepared one saw (the warm-up rehearsal's practice). */
    final List<IntervalSnapshot> elsewhere = new CopyOnWriteArrayList<>();
    final List<Path> otherDirs = new CopyOnWriteArrayList<>();
    private final Consumer<RunInfo> onInterval;
    volatile Path preparedFor;
    volatile RunInfo info;
    volatile RunResult finished;
    volatile RunResult completed;
    volatile List<Verdict> verdicts;

    FakeResultsFolder(Path base, Consumer<RunInfo> onInterval) {
        this.base = base;
        this.onInterval = onInterval;
    }

    FakeResultsFolder(Path base) {
        this(base, info -> { });
    }

    @Override
    public Path prepare(Path out) throws IOException {
        preparedFor = out;
        return Files.createDirectories(out == null ? base.resolve("default") : out);
    }

    @Override
    public List<Output> outputs(Path dir) {
        if (!dir.startsWith(base)) {
            otherDirs.add(dir);
            return List.of(elsewhere::add);
        }
        return List.of(new Output() {
            @Override
            public void start(RunInfo i) {
                info = i;
            }

            @Override
            public void interval(IntervalSnapshot s) {
                snapshots.add(s);
                onInterval.accept(info);
            }

            @Override
            public void finish(RunResult r) {
                finished = r;
            }
        });
    }

    @Override
    public void complete(Path dir, RunResult result, List<Verdict> v, PrintStream out) {
        completed = result;
        verdicts = v;
        out.println("results: " + dir);
    }

    long requests(String name) {
        return snapshots.stream().flatMap(s -> s.requests().stream())
                .filter(r -> r.key().name().equals(name)).mapToLong(r -> r.count()).sum();
    }
}
