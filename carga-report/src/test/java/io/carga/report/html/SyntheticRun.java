package io.carga.report.html;

import io.carga.core.api.User;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.event.Outcome;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import io.carga.report.results.ResultsLogReader;
import io.carga.report.results.ResultsLogWriter;
import io.carga.report.summary.SummaryJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Writes a results folder as a real run would (through {@link ResultsLogWriter}), with made-up but
 * plausible traffic: log-normal latencies around each name's median, a share of errors, optional AI
 * fields. A test double for every report test and the benchmark.
 */
public final class SyntheticRun {
    /** One request name's behaviour. */
    public record Name(String label, double medianMs, double errorRate, double perSecond, Map<String, Double> fieldsPerRequest) {
        public Name(String label, double medianMs, double errorRate, double perSecond) {
            this(label, medianMs, errorRate, perSecond, Map.of());
        }
    }

    private final List<Name> names = new ArrayList<>();
    private int seconds = 60;
    private int users = 50;
    private long seed = 1;
    private double slowdown = 1.0;
    private int rampSeconds = 10;
    private int burstAbove = Integer.MAX_VALUE;
    private double burstRate;

    /** Above {@code users} active users every name fails at {@code rate}: an error burst at a load level. */
    public SyntheticRun burstAbove(int users, double rate) {
        burstAbove = users;
        burstRate = rate;
        return this;
    }

    public SyntheticRun name(Name n) {
        names.add(n);
        return this;
    }

    public SyntheticRun seconds(int s) {
        seconds = s;
        return this;
    }

    public SyntheticRun users(int u) {
        users = u;
        return this;
    }

    public SyntheticRun seed(long s) {
        seed = s;
        return this;
    }

    /** Multiplies every latency: 1.3 plants a 30 % regression. */
    public SyntheticRun slowdown(double factor) {
        slowdown = factor;
        return this;
    }

    public SyntheticRun ramp(int s) {
        rampSeconds = s;
        return this;
    }

    /** The spec's platform, 20 request names: API, database, AI, webhook, upload. */
    public static SyntheticRun platform() {
        SyntheticRun r = new SyntheticRun();
        String[] api = {"GET /api/v1/departments", "GET /api/v1/users/:id", "POST /api/v1/auth/login", "GET /api/v1/tasks",
            "POST /api/v1/tasks", "PUT /api/v1/tasks/:id", "GET /api/v1/reports", "GET /api/v1/billing/usage", "DELETE /api/v1/tasks/:id",
            "GET /api/v1/notifications", "GET /api/v1/search"};
        for (int i = 0; i < api.length; i++) {
            r.name(new Name(api[i], 20 + 9 * i, i == 4 ? 0.02 : 0.002, 3 + i % 4));
        }
        r.name(new Name("SELECT tasks by department", 12, 0, 4));
        r.name(new Name("INSERT task", 8, 0.001, 2));
        r.name(new Name("SELECT report aggregates", 130, 0, 1));
        r.name(new Name("POST /api/v1/ai/marketing{model=gemini-2.5-flash}", 520, 0.01, 1,
                Map.of("tokens_in", 320.0, "tokens_out", 410.0, "cost", 0.00021, "quality", 0.86)));
        r.name(new Name("POST /api/v1/ai/finance{model=gpt-4-turbo}", 980, 0.02, 0.5,
                Map.of("tokens_in", 600.0, "tokens_out", 700.0, "cost", 0.0281, "quality", 0.93)));
        r.name(new Name("POST /api/v1/ai/chat{model=gpt-3.5-turbo}", 430, 0.005, 1,
                Map.of("tokens_in", 200.0, "tokens_out", 250.0, "cost", 0.0009, "quality", 0.8)));
        r.name(new Name("POST /webhooks/whatsapp", 35, 0.001, 2));
        r.name(new Name("POST /api/v1/files/upload", 700, 0.004, 0.5));
        r.name(new Name("GET /health", 2, 0, 1));
        return r;
    }

    /** Writes the folder and its summary.json; returns the folder. */
    public Path write(Path dir) throws Exception {
        long start = 1_780_000_000_000L;
        SplittableRandom random = new SplittableRandom(seed);
        ResultsLogWriter writer = new ResultsLogWriter(dir);
        RunConfig config = RunConfig.of(new Scenario("SyntheticPlatform", List.of(new UserSpec("Synthetic", 1, () -> new User() {
        }))), ClosedModel.of(users, users / (double) Math.max(1, rampSeconds), Duration.ofSeconds(seconds))).withSeed(seed);
        writer.start(new RunInfo("synthetic-" + seed, start, config, (reason, cause) -> { }));
        RunAggregate aggregate = new RunAggregate();
        for (int i = 0; i < seconds; i++) {
            int active = Math.min(users, (int) Math.ceil(users * (i + 1) / (double) Math.max(1, rampSeconds)));
            double load = active / (double) users;
            List<SeriesInterval> series = new ArrayList<>();
            for (Name n : names) {
                Histogram h = Histograms.newHistogram();
                long[] outcomes = new long[Outcome.values().length];
                long count = Math.round(n.perSecond() * users / 10.0 * load * (0.8 + 0.4 * random.nextDouble()));
                for (long c = 0; c < count; c++) {
                    double ms = n.medianMs() * slowdown * Math.exp(0.45 * gaussian(random));
                    h.recordValue(Histograms.micros((long) (ms * 1e6)));
                    boolean failed = random.nextDouble() < (active > burstAbove ? burstRate : n.errorRate());
                    Outcome o = !failed ? Outcome.OK : random.nextDouble() < 0.7 ? Outcome.SERVER_ERROR : Outcome.READ_TIMEOUT;
                    outcomes[o.ordinal()]++;
                }
                Map<String, Double> fields = new LinkedHashMap<>();
                n.fieldsPerRequest().forEach((k, v) -> fields.put(k, v * count));
                series.add(new SeriesInterval(SeriesKey.parse(n.label()), h, h, outcomes, 900 * count, 300 * count, fields));
            }
            Histogram lag = Histograms.newHistogram();
            lag.recordValue(200 + random.nextInt(300));
            IntervalSnapshot s = new IntervalSnapshot(i, start + i * 1000L, start + (i + 1) * 1000L, i + 1, active, 0, series,
                    CustomInterval.EMPTY, new GeneratorSample(0.2 + 0.1 * random.nextDouble(), lag, 0, 200L << 20, i * 200_000_000L));
            writer.interval(s);
            aggregate.add(s);
        }
        writer.finish(new RunResult(StopReason.COMPLETED, null, 0, aggregate));
        ResultsLogReader.Rebuilt rebuilt = new ResultsLogReader().read(dir);
        SummaryJson.write(dir, SummaryJson.build(rebuilt.meta(), rebuilt.aggregate(), io.carga.report.summary.Judged.NONE, dir));
        return dir;
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
