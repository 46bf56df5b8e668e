package io.carga.report.results;

import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A run recorded without the engine: seeded events go through a real {@link MetricsHub}, each interval's
 * snapshot is folded into a live {@link RunAggregate} and written by a {@link ResultsLogWriter}, exactly as
 * the engine would do.
 */
final class RecordedRun {
    static final long EPOCH = 1_700_000_000_000L;
    static final String GET = "GET /api/v1/users/{id}";
    static final String CHAT = "POST /chat";
    static final Tags MODEL = Tags.of("model", "gemini-2.5-flash", "tier", "a b");

    final List<IntervalSnapshot> snapshots = new ArrayList<>();
    final RunAggregate live = new RunAggregate();
    final RunInfo info;
    ResultsLogWriter writer;
    RunResult result;

    private RecordedRun(RunInfo info) {
        this.info = info;
    }

    static RunConfig config() {
        return RunConfig.of(new Scenario("journeys/Shop.java", List.of(new UserSpec("Shopper", 1, () -> null))),
                ClosedModel.of(4, 0, Duration.ofSeconds(5))).withSeed(7).withTarget("http://127.0.0.1:9");
    }

    /** Writes {@code intervals} one-second intervals into {@code dir}; {@code finish} says whether the run ended. */
    static RecordedRun write(Path dir, int intervals, boolean finish) throws Exception {
        RecordedRun run = new RecordedRun(new RunInfo("run-1", EPOCH, config(), (reason, cause) -> { }));
        ResultsLogWriter writer = new ResultsLogWriter(dir);
        run.writer = writer;
        writer.start(run.info);
        MetricsHub hub = new MetricsHub();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < intervals; i++) {
            for (int k = 0; k < 400; k++) {
                long start = 1_000_000_000L;
                long service = (long) Math.exp(random.nextGaussian() + 15);
                long queued = random.nextInt(10) == 0 ? random.nextLong(50_000_000L) : 0;
                boolean chat = random.nextInt(4) == 0;
                Outcome outcome = random.nextInt(50) == 0 ? Outcome.SERVER_ERROR : random.nextInt(80) == 0 ? Outcome.READ_TIMEOUT : Outcome.OK;
                hub.record(new RequestEvent(chat ? CHAT : GET, "fake", chat ? MODEL : Tags.EMPTY, start - queued, start,
                        start + service, 200, 1500, outcome, outcome.isError() ? "x" : null,
                        chat ? Map.of("tokens_out", 100.0 + k % 7) : Map.of()));
            }
            hub.metrics().counter("orders", Tags.of("region", "SP")).add(3);
            hub.metrics().gauge("queue").set(i);
            hub.metrics().timing("render").recordNanos(5_000_000L + i * 1_000_000L);
            hub.recordDropped();
            hub.recordLag(random.nextLong(20_000_000L));
            IntervalSnapshot s = hub.drain(i, EPOCH + i * 1000L, EPOCH + (i + 1) * 1000L, i + 1.0, 2 + i % 3);
            run.snapshots.add(s);
            run.live.add(s);
            writer.interval(s);
        }
        if (finish) {
            run.result = new RunResult(StopReason.COMPLETED, null, 0, run.live);
            writer.finish(run.result);
        }
        return run;
    }
}
