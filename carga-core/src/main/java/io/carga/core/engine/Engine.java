package io.carga.core.engine;

import io.carga.core.config.RunConfig;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.IterationsModel;
import io.carga.core.load.LoadModel;
import io.carga.core.load.MixedModel;
import io.carga.core.load.OpenModel;
import io.carga.core.load.ShapeModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunControl;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.Steerable;
import io.carga.core.load.LoadChange;
import io.carga.core.output.StopReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one load test: starts the executor of the configured load model (or the given {@link Driver}, a load
 * that runs its own clients), snapshots the metrics hub once per interval to every output, and stops
 * gracefully (at the plan's end, on {@link #stop}, or at the hard maximum duration). It knows no protocol and
 * no output format. Every kind of load carga runs goes through this one lifecycle.
 *
 * <pre>{@code
 * RunResult result = new Engine(config, hub, List.of(console, resultsLog), runId).run();
 * }</pre>
 */
public final class Engine implements RunControl {
    private final RunConfig config;
    private final MetricsHub hub;
    private final List<Output> outputs;
    private final String runId;
    private final Driver driver;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile RunState state;
    private volatile Steering steering;
    private volatile StopRequest early;

    private record StopRequest(StopReason reason, String cause) {
    }

    /** A run of carga's virtual users, started as {@code config}'s load model says. */
    public Engine(RunConfig config, MetricsHub hub, List<Output> outputs, String runId) {
        this(config, hub, outputs, runId, null);
    }

    /**
     * A run whose load is {@code driver}'s (null: the load model's executor). The driver records its requests into
     * {@code hub}; {@code config}'s load model then only says what the outputs and reports show (its planned
     * duration, its users), see {@link Driver#config}.
     */
    public Engine(RunConfig config, MetricsHub hub, List<Output> outputs, String runId, Driver driver) {
        this.config = config;
        this.hub = hub;
        this.outputs = List.copyOf(outputs);
        this.runId = runId;
        this.driver = driver;
    }

    /** Runs to the end and returns what happened. Call once. */
    public RunResult run() throws InterruptedException {
        OutputFanout fanout = new OutputFanout(outputs);
        fanout.start(new RunInfo(runId, System.currentTimeMillis(), config, this, driver == null ? java.util.Map.of() : driver.describe()));
        // The clock starts after the outputs are ready: their set-up (files, class loading) must not make
        // the first scheduled iterations late.
        long startNanos = System.nanoTime();
        long startEpoch = System.currentTimeMillis();
        RunState run = new RunState(config, hub, startNanos);
        Steering steer = new Steering(config.load(), startNanos, startEpoch);
        steering = driver == null ? steer : null; // a driver's load is its own: nothing to steer
        state = run;
        StopRequest pending = early;
        if (pending != null) {
            run.requestStop(pending.reason(), pending.cause());
        }
        Ticker ticker = new Ticker(run, hub, fanout, steer, config.interval(), startEpoch);
        Thread tickerThread = Thread.ofPlatform().name("carga-interval").daemon().start(ticker);
        Thread watchdog = Thread.ofPlatform().name("carga-watchdog").daemon().start(() -> watch(run));
        Executor executor = driver != null ? r -> drive(driver, r) : switch (config.load()) {
            case MixedModel m -> new MixedExecutor(m, run);
            case ClosedModel m -> new ClosedExecutor(steer.closedTarget(m), Lane.whole(run));
            case OpenModel m -> new OpenExecutor(steer.openSchedule(m), m.maxConcurrency(), Lane.whole(run));
            default -> executorFor(config.load(), Lane.whole(run));
        };
        try {
            executor.run(run);
        } finally {
            steer.end();
            run.requestStop(StopReason.COMPLETED, null);
            drain(run, executor);
            watchdog.interrupt();
            ticker.finish();
            tickerThread.join();
            run.closeShared();
        }
        RunState.Stop stop = run.stopInfo();
        RunResult result = new RunResult(stop.reason(), stop.cause(), run.interrupted.get(), ticker.aggregate());
        fanout.finish(result);
        finished.countDown();
        return result;
    }

    /** A driver's run: once it returned, its stop hook is done with (the engine's own end is no stop it must hear). */
    private static void drive(Driver driver, RunState run) throws InterruptedException {
        try {
            driver.drive(run);
        } finally {
            run.onStop(null);
        }
    }

    /** Asks the run to stop gracefully; safe from any thread, before or during the run. */
    @Override
    public void stop(StopReason reason, String cause) {
        RunState s = state;
        if (s != null) {
            s.requestStop(reason, cause);
        } else if (early == null) {
            early = new StopRequest(reason, cause);
        }
    }

    @Override
    public Steerable steerable() {
        Steering s = steering;
        return s == null ? Steerable.NONE : s.steerable();
    }

    @Override
    public LoadChange changeUsers(int users, double spawnRate, String by) {
        return started().users(users, spawnRate, by);
    }

    @Override
    public LoadChange changeRate(double perSecond, String by) {
        return started().rate(perSecond, by);
    }

    private Steering started() {
        if (driver != null) {
            throw new IllegalArgumentException("this run drives its own clients: its load cannot be changed");
        }
        Steering s = steering;
        if (s == null) {
            throw new IllegalArgumentException("the run has not started yet");
        }
        return s;
    }

    /**
     * Lowers the users ceiling of a closed run (the closed executors read {@link RunState#userCap}); in a mixed
     * run of closed scenarios each scenario is held to it.
     */
    @Override
    public boolean limitUsers(int max, String cause) {
        RunState s = state;
        if (s == null || driver != null || !(config.load() instanceof ClosedModel || config.load() instanceof MixedModel m
                && m.parts().stream().allMatch(p -> p.load() instanceof ClosedModel))) {
            return false;
        }
        s.userCap.accumulateAndGet(Math.max(0, max), Math::min);
        return true;
    }

    /** Brings the planned end forward: a stop as completed, at {@code share} of the time left. */
    @Override
    public boolean shortenRest(double share, String cause) {
        RunState s = state;
        java.time.Duration planned = config.load().plannedDuration();
        if (s == null || planned == null) {
            return false;
        }
        long now = System.nanoTime();
        long end = s.startNanos + planned.toNanos();
        long newEnd = now + (long) (Math.max(0, end - now) * Math.max(0, Math.min(1, share)));
        Thread.ofPlatform().name("carga-shortened-end").daemon().start(() -> {
            Executor.sleepUntil(s, newEnd);
            if (!s.stopping) {
                s.requestStop(StopReason.COMPLETED, cause);
            }
        });
        return true;
    }

    /** Waits until the run has finished and its outputs are written, at most {@code timeout}. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The executor of a model of one scenario, driving {@code lane}. */
    static Executor executorFor(LoadModel load, Lane lane) {
        return switch (load) {
            case ClosedModel m -> ClosedExecutor.of(m, lane);
            case OpenModel m -> OpenExecutor.of(m, lane);
            case IterationsModel m -> new IterationsExecutor(m, lane);
            case ShapeModel m -> new ShapeExecutor(m, lane);
            case MixedModel m -> throw new IllegalArgumentException("a mixed model runs its scenarios' executors, not one");
        };
    }

    /** Stops the run at the hard maximum duration. */
    private void watch(RunState run) {
        long deadline = run.startNanos + config.maxDuration().toNanos();
        Executor.sleepUntil(run, deadline);
        if (!run.stopping) {
            run.requestStop(StopReason.MAX_DURATION, "reached the maximum duration of "
                    + io.carga.core.load.Durations.format(config.maxDuration()));
        }
    }

    /** Grace period for in-flight work, then cut whatever is still busy. */
    private void drain(RunState run, Executor executor) throws InterruptedException {
        long graceEnd = System.nanoTime() + config.gracefulStop().toNanos();
        while (run.activeUsers() > 0 && System.nanoTime() < graceEnd) {
            for (VirtualUser u : run.live) {
                u.wake();
            }
            Thread.sleep(5);
        }
        if (run.activeUsers() > 0) {
            run.cutOff = true;
            for (VirtualUser u : run.live) {
                if (u.cut()) {
                    run.interrupted.incrementAndGet();
                }
            }
            long hardEnd = System.nanoTime() + 2_000_000_000L;
            while (run.activeUsers() > 0 && System.nanoTime() < hardEnd) {
                Thread.sleep(5);
            }
        }
        executor.close(run);
    }

    public RunConfig config() {
        return config;
    }

    /** Users currently active (0 before and after the run). */
    public int activeUsers() {
        RunState s = state;
        return s == null ? 0 : s.activeUsers();
    }
}
