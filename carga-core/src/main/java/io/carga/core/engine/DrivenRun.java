package io.carga.core.engine;

import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.load.LoadModel;
import io.carga.core.load.Durations;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.Output;
import io.carga.core.output.RunControl;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run whose load loop is not the engine's: a protocol with its own clients (carga db's pgbench loop)
 * records into a {@link MetricsHub}, and this gives it what the {@link Engine} gives its executors: the
 * interval snapshots delivered to every output, the hard maximum duration, stop requests from outputs
 * (thresholds, budget guard) and signals, and the end {@link RunResult}. The driver owns its users and
 * its timing; it only reports them.
 *
 * <pre>{@code
 * DrivenRun run = DrivenRun.start(config, hub, outputs, runId, () -> clients.stopAfterCurrentTransaction());
 * run.userStarted();  // on each client's thread, then hub.record(event) per request
 * run.userEnded();
 * RunResult result = run.finish();
 * }</pre>
 *
 * <p>Threading: {@link #userStarted}, {@link #userEnded} and {@link #stop} are safe from any thread;
 * {@code onStop} is called once, on the thread that asked first (an output's, the watchdog's, a
 * signal's), and must not block. Call {@link #finish} once, after the driver's users have ended.
 */
public final class DrivenRun implements RunControl {
    private final RunState state;
    private final OutputFanout fanout;
    private final Ticker ticker;
    private final Thread tickerThread;
    private final Thread watchdog;
    private final Runnable onStop;
    private final AtomicBoolean stopAnnounced = new AtomicBoolean();
    private StopReason earlyReason;
    private String earlyCause;

    private DrivenRun(RunConfig config, MetricsHub hub, List<Output> outputs, String runId, Runnable onStop) {
        this.onStop = onStop;
        fanout = new OutputFanout(outputs);
        fanout.start(new RunInfo(runId, System.currentTimeMillis(), config, this));
        // As in the engine, the clock starts after the outputs are ready.
        long startNanos = System.nanoTime();
        long startEpoch = System.currentTimeMillis();
        state = new RunState(config, hub, startNanos);
        if (earlyReason != null) {
            state.requestStop(earlyReason, earlyCause);
        }
        ticker = new Ticker(state, hub, fanout, new Steering(config.load(), state.startNanos, startEpoch), config.interval(), startEpoch);
        tickerThread = Thread.ofPlatform().name("carga-interval").daemon().start(ticker);
        watchdog = Thread.ofPlatform().name("carga-watchdog").daemon().start(this::watch);
    }

    /**
     * Starts the outputs, then the clock, the interval thread and the maximum-duration watchdog.
     *
     * @param onStop called once when anything but the driver asks the run to stop (see the class comment)
     */
    public static DrivenRun start(RunConfig config, MetricsHub hub, List<Output> outputs, String runId, Runnable onStop) {
        DrivenRun run = new DrivenRun(config, hub, outputs, runId, onStop);
        if (run.earlyReason != null) {
            run.announceStop(); // an output stopped the run from its start(): the driver hears it now
        }
        return run;
    }

    /**
     * A configuration for a driven run: the scenario is named after the driver and holds one user kind
     * that cannot be started (the driver's clients are not {@link io.carga.core.api.User}s), so that
     * run.json and the reports show what ran. Adjust it with the {@code with...} methods.
     */
    public static RunConfig config(String name, LoadModel load) {
        UserSpec clients = new UserSpec(name, 1, () -> {
            throw new UnsupportedOperationException(name + " drives its own clients");
        });
        return RunConfig.of(new Scenario(name, List.of(clients)), load);
    }

    /** One of the driver's users began; snapshots report the most users active in each interval. */
    public void userStarted() {
        state.userStarted();
    }

    public void userEnded() {
        state.userEnded();
    }

    /** Asks the driver to stop (through {@code onStop}), recording why; the first reason wins. */
    @Override
    public void stop(StopReason reason, String cause) {
        RunState s = state;
        if (s == null) { // an output's start(), on the constructor's thread: applied once the state exists
            if (earlyReason == null) {
                earlyReason = reason;
                earlyCause = cause;
            }
            return;
        }
        s.requestStop(reason, cause);
        announceStop();
    }

    private void announceStop() {
        if (stopAnnounced.compareAndSet(false, true) && onStop != null) {
            onStop.run();
        }
    }

    /** Whether a stop was asked for (by an output, the watchdog, a signal or the driver). */
    public boolean stopping() {
        return state.stopping;
    }

    private void watch() {
        long deadline = state.startNanos + state.config.maxDuration().toNanos();
        Executor.sleepUntil(state, deadline);
        if (!state.stopping) {
            stop(StopReason.MAX_DURATION, "reached the maximum duration of " + Durations.format(state.config.maxDuration()));
        }
    }

    /**
     * Ends the run: delivers the last interval, then the result to every output. A driver that ended by
     * itself ends {@link StopReason#COMPLETED} unless something asked for a stop before.
     */
    public RunResult finish() throws InterruptedException {
        state.requestStop(StopReason.COMPLETED, null);
        watchdog.interrupt();
        ticker.finish();
        tickerThread.join();
        RunState.Stop stop = state.stopInfo();
        RunResult result = new RunResult(stop.reason(), stop.cause(), 0, ticker.aggregate());
        fanout.finish(result);
        return result;
    }
}
