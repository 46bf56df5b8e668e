package io.carga.cli;

import io.carga.cli.plan.Judge;
import io.carga.core.config.Defaults;
import io.carga.core.config.RunConfig;
import io.carga.core.engine.Driver;
import io.carga.core.engine.Engine;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import io.carga.observe.LivePlane;
import io.carga.observe.metrics.Judgements;
import io.carga.observe.metrics.SeriesRoles;
import io.carga.report.cost.CostInputs;
import io.carga.report.ledger.Ledger;
import io.carga.ui.LiveUi;
import io.carga.report.results.LiveFile;
import io.carga.report.console.ProgressOutput;
import io.carga.report.results.ResultsFiles;
import io.carga.report.results.ResultsLogWriter;
import io.carga.report.summary.EndSummaryOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one configured load test with the standard outputs (progress, results log, end summary), stops it
 * gracefully on Ctrl-C or SIGTERM, and maps how it ended to an exit code. Every run the CLI starts goes through
 * here: carga's virtual users, and the loads that drive their own clients ({@code carga db}, {@code carga shadow}).
 */
public final class RunLauncher {
    private final PrintStream out;
    private final LivePlane live;
    private final String stage;
    private final CostInputs costs;
    private final Ledger ledger;
    private final SeriesRoles roles;
    private final boolean consoleSummary;

    public RunLauncher(PrintStream out) {
        this(out, null, "", CostInputs.defaults(), null, SeriesRoles.REQUESTS, true);
    }

    private RunLauncher(PrintStream out, LivePlane live, String stage, CostInputs costs, Ledger ledger, SeriesRoles roles,
                        boolean consoleSummary) {
        this.out = out;
        this.live = live;
        this.stage = stage;
        this.costs = costs;
        this.ledger = ledger;
        this.roles = roles;
        this.consoleSummary = consoleSummary;
    }

    /** The same launcher feeding {@code plane} (null: none) with runs labelled {@code stage}. */
    public RunLauncher live(LivePlane plane, String stageName) {
        return new RunLauncher(out, plane, stageName == null ? "" : stageName, costs, ledger, roles, consoleSummary);
    }

    /** The same launcher telling the live plane what its runs' series are ({@code carga db}'s scripts and statements). */
    public RunLauncher roles(SeriesRoles seriesRoles) {
        return new RunLauncher(out, live, stage, costs, ledger, seriesRoles, consoleSummary);
    }

    /** The same launcher without the end summary table: for a driver that prints its own report ({@code carga db}). */
    public RunLauncher withoutConsoleSummary() {
        return new RunLauncher(out, live, stage, costs, ledger, roles, false);
    }

    /**
     * The same launcher pricing its runs with {@code inputs} into {@code ledger} (null: the ledger beside each
     * results folder, {@link Ledger#beside}).
     */
    public RunLauncher costs(CostInputs inputs, Ledger into) {
        return new RunLauncher(out, live, stage, inputs, into, roles, consoleSummary);
    }

    /** The results of a launched run. */
    public record Launched(RunResult result, ExitCode exit, Path dir) {
    }

    public Launched launch(RunConfig config, Path dir, boolean quiet, List<Output> extra) throws IOException, InterruptedException {
        return launch(config, dir, quiet, extra, null);
    }

    /** With a plan's {@link Judge}: its thresholds and alert rules run as outputs, and it gives the exit code. */
    public Launched launch(RunConfig config, Path dir, boolean quiet, List<Output> extra, Judge judge)
            throws IOException, InterruptedException {
        return launch(config, dir, quiet, extra, judge, null, new MetricsHub());
    }

    /**
     * A run whose load is {@code driver}'s (null: carga's virtual users), recording into {@code hub}. {@code extra}
     * outputs come before the judge's and the end summary's.
     */
    public Launched launch(RunConfig config, Path dir, boolean quiet, List<Output> extra, Judge judge, Driver driver, MetricsHub hub)
            throws IOException, InterruptedException {
        // protocol settings are checked before the results folder exists: a configuration error runs nothing
        List<Output> protocolOutputs = ProtocolOutputs.forRun(config, out, dir);
        try {
            ResultsFiles.prepare(dir);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        costs.write(dir); // before the run: a killed run is priced from it
        List<Output> outputs = new ArrayList<>();
        if (!quiet) {
            outputs.add(new ProgressOutput(out, Defaults.PROGRESS_EVERY));
        }
        outputs.add(new ResultsLogWriter(dir));
        outputs.addAll(extra);
        outputs.addAll(protocolOutputs);
        if (judge != null) {
            outputs.addAll(judge.outputs(dir));
        }
        if (live != null) {
            // after the judge's outputs: the thresholds' live state is then this interval's
            Judgements judged = judge == null ? Judgements.NONE : judge.live();
            outputs.addAll(live.forRun(stage, roles, judged));
            LiveUi ui = LiveUi.on(live);
            if (ui != null) {
                outputs.add(ui.forRun(dir, judged));
            }
            if (live.metricsUrl() != null) {
                LiveFile.write(dir, live.metricsUrl());
            }
        }
        // last: the thresholds and alerts have finished when it writes summary.json with their verdicts
        outputs.add(new EndSummaryOutput(dir, out, judge == null ? () -> io.carga.report.summary.Judged.NONE : judge::judged, consoleSummary));
        Engine engine = new Engine(config, hub, outputs, dir.getFileName().toString(), driver);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            engine.stop(StopReason.SIGNAL, "stopped by a signal (Ctrl-C or SIGTERM)");
            try {
                // Keep the JVM alive until the results are written.
                done.await(config.gracefulStop().toMillis() + 15_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "carga-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult result;
        AutoCloseable running = Ledger.running(dir);
        try {
            result = engine.run();
            EndReports.write(dir, out); // before the shutdown hook is released, so Ctrl-C still gets a report
            LedgerBooking.book(dir, result, costs, ledger, out);
        } finally {
            close(running);
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of a signal: the hook is running, nothing to remove
            }
        }
        ExitCode exit = judge != null ? judge.finish(result)
                : ExitCode.of(result.reason().name(), result.aggregate().saturated(), false, false);
        return new Launched(result, exit, dir);
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // the lock file is only a marker: the OS drops the lock with the process anyway
        }
    }

    static Duration orDefault(Duration d, Duration def) {
        return d == null ? def : d;
    }
}
