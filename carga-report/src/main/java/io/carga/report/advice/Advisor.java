package io.carga.report.advice;

import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.html.SeriesTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recommendation rules. The first three are the spec's section 9.1 ({@code db p95 > 100 ms},
 * {@code ai p95 > 800 ms}, {@code error rate > 5 %}); the rest are what experienced engineers look for
 * in a load-test result. Each rule is a method that adds at most one recommendation per finding and
 * quotes the figure that fired it.
 */
public final class Advisor {
    /** Requests a name needs before its percentiles are worth advice. */
    static final long MIN_COUNT = 20;
    static final double SPREAD_RATIO = 10;
    static final double BURST_RATE = 0.05;
    static final double GROWTH = 1.5;
    static final double QUALITY_DROP = 0.10;
    /** The AI client's quality fields (carga-ai's AiFields), which this module does not depend on. */
    static final String QUALITY_SUM = "quality_sum";
    static final String QUALITY_N = "quality_n";

    private Advisor() {
    }

    public static List<Recommendation> advise(RunAggregate a, SeriesTimeline t) {
        return advise(a, t, TierSlas.SPEC);
    }

    /** With the tiers and SLAs of the run's plan ({@link TierSlas#SPEC} without one). */
    public static List<Recommendation> advise(RunAggregate a, SeriesTimeline t, TierSlas slas) {
        List<Recommendation> out = new ArrayList<>();
        tiers(a, slas, out);
        errorRate(a, out);
        spread(a, out);
        bursts(t, out);
        generator(a, out);
        dropped(a, out);
        growth(t, out);
        quality(t, out);
        return out;
    }

    /** Each request against its own tier's SLA; the trigger names that SLA and where it comes from. */
    private static void tiers(RunAggregate a, TierSlas slas, List<Recommendation> out) {
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            SeriesTotals s = e.getValue();
            if (s.count() < MIN_COUNT) {
                continue;
            }
            String name = e.getKey().label();
            TierSlas.Tiered tier = slas.of(e.getKey(), s.fieldSums());
            Kinds kind = tier.kind();
            double measured = s.latencyMs(tier.percentile());
            if (measured < tier.limitMs()) {
                continue;
            }
            String trigger = String.format(Locale.ROOT, "%s p%s %.0f ms ≥ %.0f ms: %s", name, pctLabel(tier.percentile()), measured,
                    tier.limitMs(), tier.describe());
            switch (kind) {
                case DATABASE -> out.add(new Recommendation("high", "database", "Slow database statement: " + name, trigger,
                        List.of("Add indexes on frequently queried columns (check EXPLAIN ANALYZE)", "Implement connection pooling",
                                "Use read replicas for read-heavy operations")));
                case AI -> out.add(new Recommendation("high", "ai", "Slow AI responses: " + name, trigger,
                        List.of("Cache frequently generated content", "Implement smart model routing (a faster model for simple prompts)",
                                "Use streaming for long responses")));
                default -> out.add(new Recommendation("medium", "api", "Slow " + kind.label() + " endpoint: " + name, trigger,
                        List.of("Implement response caching", "Use async I/O for calls to other services", "Add request rate limiting")));
            }
        }
    }

    private static void errorRate(RunAggregate a, List<Recommendation> out) {
        SeriesTotals t = a.total();
        if (t.count() == 0) {
            return;
        }
        double rate = (double) t.errors() / t.count();
        if (rate > BURST_RATE) {
            out.add(new Recommendation("high", "errors", "High error rate",
                    String.format(Locale.ROOT, "error rate %.2f%% > 5%% (%d of %d requests)", rate * 100, t.errors(), t.count()),
                    List.of("Add a circuit breaker around the failing dependency", "Retry idempotent calls with backoff and jitter",
                            "Look at errors by kind to tell timeouts from server errors")));
        }
    }

    private static void spread(RunAggregate a, List<Recommendation> out) {
        for (Map.Entry<SeriesKey, SeriesTotals> e : a.requests().entrySet()) {
            SeriesTotals s = e.getValue();
            double p50 = s.latencyMs(50);
            double p99 = s.latencyMs(99);
            if (s.count() >= 100 && p50 >= 1 && p99 / p50 > SPREAD_RATIO) {
                out.add(new Recommendation("medium", "latency", "Long latency tail: " + e.getKey().label(),
                        String.format(Locale.ROOT, "p99 %.0f ms is %.0f× p50 %.0f ms", p99, p99 / p50, p50),
                        List.of("Look for queueing: a pool (threads, connections) smaller than the concurrency",
                                "Check GC pauses and lock contention on the server", "Set timeouts so stuck requests fail fast")));
            }
        }
    }

    /** Error bursts that appear at a load level: buckets with ≥ 5 % errors after buckets at lower load had < 1 %. */
    private static void bursts(SeriesTimeline t, List<Recommendation> out) {
        int cleanUsersMax = -1;
        for (SeriesTimeline.Bucket b : t.buckets()) {
            SeriesTimeline.Cell all = b.cells().get("Aggregated");
            if (all == null || all.count() < MIN_COUNT) {
                continue;
            }
            double rate = (double) all.errors() / all.count();
            if (rate < 0.01) {
                cleanUsersMax = Math.max(cleanUsersMax, b.users());
            } else if (rate >= BURST_RATE && cleanUsersMax >= 0 && b.users() > cleanUsersMax) {
                out.add(new Recommendation("high", "errors", "Errors start at " + b.users() + " users",
                        String.format(Locale.ROOT, "%.1f%% errors at %d users (t=%.0fs), under 1%% up to %d users", rate * 100, b.users(),
                                b.endSeconds(), cleanUsersMax),
                        List.of("Find the resource that runs out at this load: connection pool, worker threads, rate limit, memory",
                                "Run a capacity search (carga run --capacity) to pin the limit")));
                return;
            }
        }
    }

    private static void generator(RunAggregate a, List<Recommendation> out) {
        if (a.saturated()) {
            out.add(new Recommendation("high", "generator", "The load generator was saturated",
                    String.format(Locale.ROOT, "generator CPU peak %.0f%%, scheduling lag p99 %.1f ms", a.cpuPeak() * 100, a.lagP99Ms()),
                    List.of("Latency figures include the generator's own delay: do not trust them",
                            "Spread the load over more generators or give this one more CPU", "Lower the users per machine")));
        }
    }

    private static void dropped(RunAggregate a, List<Recommendation> out) {
        if (a.dropped() > 0) {
            out.add(new Recommendation("medium", "generator", "Iterations were dropped",
                    a.dropped() + " iterations could not start on time",
                    List.of("Raise the open model's maximum users (pre-allocated VUs)",
                            "The target may be too slow for the arrival rate: its latency times the rate exceeds the users")));
        }
    }

    /** Latency rising through a long run at a steady load: a leak, a growing table, a filling cache. */
    private static void growth(SeriesTimeline t, List<Recommendation> out) {
        List<SeriesTimeline.Bucket> bs = t.buckets();
        if (bs.isEmpty() || bs.get(bs.size() - 1).endSeconds() < 600 || bs.size() < 9) {
            return;
        }
        int third = bs.size() / 3;
        int usersEarly = bs.get(third).users();
        int usersLate = bs.get(bs.size() - 1).users();
        if (usersEarly == 0 || Math.abs(usersLate - usersEarly) > 0.1 * usersEarly) {
            return; // not a steady load: latency may rise with the users
        }
        double early = medianP95(bs.subList(third, 2 * third));
        double late = medianP95(bs.subList(bs.size() - third, bs.size()));
        if (early > 0 && late > GROWTH * early && late - early > 5) {
            out.add(new Recommendation("high", "endurance", "Latency grows over the run at a steady load",
                    String.format(Locale.ROOT, "p95 %.0f ms in the middle third, %.0f ms in the last third (%d users)", early, late, usersLate),
                    List.of("Look for a leak: heap, connections or file handles that grow with time",
                            "Check tables and caches that grow without bound", "Run an endurance stage and watch the server's memory")));
        }
    }

    private static double medianP95(List<SeriesTimeline.Bucket> bs) {
        double[] v = bs.stream().map(b -> b.cells().get("Aggregated")).filter(c -> c != null)
                .mapToDouble(c -> c.pct(95)).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2];
    }

    /**
     * Answer quality falling as the users rise: the AI client's scores (fields {@code quality_sum} over
     * {@code quality_n} scored answers) in the intervals at up to half the peak users against those above.
     */
    private static void quality(SeriesTimeline t, List<Recommendation> out) {
        double lowSum = 0, lowN = 0, highSum = 0, highN = 0;
        int maxUsers = t.buckets().stream().mapToInt(SeriesTimeline.Bucket::users).max().orElse(0);
        for (SeriesTimeline.Bucket b : t.buckets()) {
            SeriesTimeline.Cell all = b.cells().get("Aggregated");
            Double sum = all == null ? null : all.fieldSums().get(QUALITY_SUM);
            Double n = all == null ? null : all.fieldSums().get(QUALITY_N);
            if (sum == null || n == null || n == 0) {
                continue;
            }
            if (b.users() <= maxUsers / 2) {
                lowSum += sum;
                lowN += n;
            } else {
                highSum += sum;
                highN += n;
            }
        }
        if (lowN < MIN_COUNT || highN < MIN_COUNT) {
            return;
        }
        double low = lowSum / lowN;
        double high = highSum / highN;
        if (low > 0 && high < (1 - QUALITY_DROP) * low) {
            out.add(new Recommendation("high", "quality", "Answer quality falls under load",
                    String.format(Locale.ROOT, "mean quality %.2f at up to %d users, %.2f above", low, maxUsers / 2, high),
                    List.of("Check whether the platform degrades to a cheaper model or truncates context under load",
                            "Keep quality in the SLA: a fast wrong answer is not a success")));
        }
    }

    private static String pctLabel(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    static double ms(double micros) {
        return Histograms.ms(micros);
    }
}
