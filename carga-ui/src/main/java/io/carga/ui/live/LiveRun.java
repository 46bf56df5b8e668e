package io.carga.ui.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.LoadChange;
import io.carga.core.load.LoadModel;
import io.carga.core.load.OpenModel;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.output.Output;
import io.carga.core.output.RunControl;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.Steerable;
import io.carga.core.output.StopReason;
import io.carga.core.threshold.Verdict;
import io.carga.observe.metrics.Judgements;
import io.carga.report.csv.LocustCsv;
import io.carga.report.html.SeriesTimeline;
import io.carga.report.results.IntervalFigures;
import io.carga.report.results.ResultsLogReader;
import io.carga.report.results.RunMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run as the web UI's server keeps it: its state, its load and the changes made to it, and everything
 * measured so far. It lives in the server, not in the page, so a reload or a second browser shows the same.
 * The engine's interval thread writes it (through {@link #output}); the server's threads read it; every
 * method holds the instance's lock, and none calls into the engine while holding it.
 */
public final class LiveRun {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The span of the stats table's windowed columns (Locust's users asked for "the last 10 s"). */
    public static final double WINDOW_SECONDS = 10;
    private static final long MAX_POINTS = 3600;

    private final String startedBy;
    private RunState state = RunState.STARTING;
    private RunInfo info;
    private RunControl control;
    private Path dir;
    private Judgements judged = Judgements.NONE;
    private final RunAggregate aggregate = new RunAggregate();
    private final WindowStats window = new WindowStats(WINDOW_SECONDS);
    private SeriesTimeline timeline = new SeriesTimeline(1);
    private List<Verdict> verdicts = List.of();
    private List<String> firing = List.of();
    private final List<LoadChange> changes = new ArrayList<>();
    private double elapsedSeconds;
    private int users;
    private String stopReason;
    private String stopCause;
    private Integer exitCode;
    private String error;

    /** @param startedBy {@code ui} for a run started from the page or the API, {@code command line} otherwise */
    public LiveRun(String startedBy) {
        this.startedBy = startedBy;
    }

    /** The output that feeds this run's figures, for a run writing its results to {@code dir}. */
    public Output output(Path resultsDir, Judgements judgements) {
        synchronized (this) {
            dir = resultsDir;
            judged = judgements;
        }
        return new Output() {
            @Override
            public void start(RunInfo runInfo) {
                started(runInfo);
            }

            @Override
            public void interval(IntervalSnapshot s) {
                // read on the interval thread, as the judging outputs before this one wrote them
                add(s, judged.thresholds().get(), judged.firing().get());
            }

            @Override
            public void loadChanged(LoadChange change) {
                changed(change);
            }

            @Override
            public void finish(RunResult result) {
                finished(result);
            }
        };
    }

    private synchronized void started(RunInfo runInfo) {
        info = runInfo;
        control = runInfo.control();
        if (state == RunState.STARTING) {
            state = RunState.RUNNING;
        }
        LoadModel load = runInfo.config().load();
        var planned = load.plannedDuration();
        long intervals = (planned == null ? runInfo.config().maxDuration() : planned).toMillis()
                / Math.max(1, runInfo.config().interval().toMillis());
        // one point a second for runs of up to an hour: the live charts must show a change within a second or two
        timeline = new SeriesTimeline((int) Math.max(1, (intervals + MAX_POINTS - 1) / MAX_POINTS));
    }

    private synchronized void add(IntervalSnapshot s, List<Verdict> v, List<String> f) {
        aggregate.add(s);
        window.add(s);
        timeline.add(new ResultsLogReader.Interval(s, IntervalFigures.of(s)));
        elapsedSeconds = s.elapsedSeconds();
        users = s.users();
        verdicts = List.copyOf(v);
        firing = List.copyOf(f);
    }

    /** A change, as the engine hands it to the outputs, or at once when made through this run (then once). */
    private synchronized void changed(LoadChange c) {
        if (!changes.contains(c)) {
            changes.add(c);
        }
    }

    private synchronized void finished(RunResult r) {
        state = RunState.ENDED;
        stopReason = r.reason().name();
        stopCause = r.cause();
        timeline.finish();
    }

    /** The run's launch returned with {@code code}. */
    public synchronized void exited(int code) {
        exitCode = code;
        state = RunState.ENDED;
    }

    /** The run could not start or its launch failed: one line for the page. */
    public synchronized void failed(String message) {
        error = message;
        state = RunState.ENDED;
    }

    public synchronized RunState state() {
        return state;
    }

    public synchronized boolean ended() {
        return state == RunState.ENDED;
    }

    public synchronized Path dir() {
        return dir;
    }

    /** How this run can be steered now (NONE before it started and once it stops). */
    public Steerable steerable() {
        RunControl c = control();
        return c == null || state() != RunState.RUNNING ? Steerable.NONE : c.steerable();
    }

    /** Changes the user count; the engine checks and records it. */
    public LoadChange changeUsers(int n, double spawnRate, String by) {
        LoadChange c = running().changeUsers(n, spawnRate, by);
        changed(c); // the answer to the call shows it, not only the next interval's
        return c;
    }

    public LoadChange changeRate(double perSecond, String by) {
        LoadChange c = running().changeRate(perSecond, by);
        changed(c);
        return c;
    }

    /** Asks the run to stop gracefully. */
    public void stop(String by) {
        RunControl c = running();
        synchronized (this) {
            state = RunState.STOPPING;
        }
        c.stop(StopReason.STOPPED, "stopped from the " + by);
    }

    private RunControl running() {
        RunControl c = control();
        RunState s = state();
        if (c == null || s == RunState.STARTING) {
            throw new IllegalArgumentException("the run is still starting; try again in a moment");
        }
        if (s != RunState.RUNNING) {
            throw new IllegalArgumentException("the run is " + (s == RunState.STOPPING ? "stopping" : "over") + ": nothing to change");
        }
        return c;
    }

    private synchronized RunControl control() {
        return control;
    }

    /** {@code GET /api/v1/run}'s run part. */
    public ObjectNode stateJson() {
        Steerable steer = steerable(); // before the lock: it asks the engine
        synchronized (this) {
            ObjectNode n = JSON.createObjectNode();
            n.put("state", state.key());
            n.put("started_by", startedBy);
            n.put("steerable", steer.name().toLowerCase(java.util.Locale.ROOT));
            n.put("elapsed_s", round(elapsedSeconds));
            n.put("users", users);
            if (info != null) {
                n.put("run_id", info.runId());
                n.put("scenario", info.config().scenario().name());
                n.put("target", info.config().target());
                n.put("load_description", info.config().load().describe());
                var planned = info.config().load().plannedDuration();
                if (planned == null) {
                    n.putNull("planned_s");
                } else {
                    n.put("planned_s", planned.toMillis() / 1000.0);
                }
                n.set("load", load(info.config().load()));
            }
            if (dir != null) {
                n.put("results", dir.toAbsolutePath().toString());
            }
            n.set("load_changes", RunMeta.loadChangesJson(changes));
            if (stopReason != null) {
                ObjectNode stop = n.putObject("stop");
                stop.put("reason", stopReason);
                stop.put("cause", stopCause);
            }
            if (exitCode != null) {
                n.put("exit_code", exitCode);
            }
            if (error != null) {
                n.put("error", error);
            }
            return n;
        }
    }

    /** The load wanted now: the model's until the first change, the last change's from then on. */
    private ObjectNode load(LoadModel model) {
        ObjectNode n = JSON.createObjectNode();
        LoadChange last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
        switch (model) {
            case ClosedModel m -> {
                n.put("model", "closed");
                n.put("users", last != null ? last.to() : m.usersAt(Math.round(elapsedSeconds * 1e9)));
            }
            case OpenModel m -> {
                n.put("model", "open");
                n.put("rate", last != null ? last.to() : m.rateAt(Math.round(elapsedSeconds * 1e9)));
                n.put("max_users", m.maxConcurrency());
            }
            default -> n.put("model", "other");
        }
        return n;
    }

    /** {@code GET /api/v1/stats}: per request, cumulative and over the last {@value #WINDOW_SECONDS} s. */
    public synchronized ObjectNode statsJson(double[] percentiles) {
        return new StatsJson(aggregate, window, percentiles, elapsedSeconds).build(verdicts, judged.alerts(), firing,
                info == null ? java.util.Map.of() : info.config().properties());
    }

    /** {@code GET /api/v1/history}: the charts' points from bucket {@code since} on, for all requests or one. */
    public synchronized ObjectNode historyJson(String request, int since) {
        return HistoryJson.of(timeline.buckets(), request, since, changes);
    }

    /** Locust's stats.csv of the run so far. */
    public synchronized String statsCsv() {
        return LocustCsv.stats(aggregate);
    }

    /** Locust's stats_history.csv of the run so far. */
    public synchronized String historyCsv() {
        return LocustCsv.history(timeline);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
