package io.carga.report.console;

import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The live line printed every few seconds: elapsed, users, req/s, p50/p95/p99, errors, dropped, over the
 * intervals since the last line.
 */
public final class ProgressOutput implements Output {
    private final PrintStream out;
    private final double everySeconds;
    private Histogram window = Histograms.newHistogram();
    private long requests;
    private long errors;
    private long dropped;
    private double windowStart;

    public ProgressOutput(PrintStream out, Duration every) {
        this.out = out;
        this.everySeconds = every.toMillis() / 1000.0;
    }

    @Override
    public void start(RunInfo info) {
        out.println("carga: " + info.config().load().describe() + " (seed " + info.config().seed() + ")");
        out.flush();
    }

    @Override
    public void loadChanged(io.carga.core.load.LoadChange change) {
        out.println("carga: load changed: " + change.describe());
    }

    @Override
    public void interval(IntervalSnapshot s) {
        for (SeriesInterval si : s.requests()) {
            window.add(si.latency());
            requests += si.count();
            errors += si.errors();
        }
        dropped += s.dropped();
        double span = s.elapsedSeconds() - windowStart;
        if (span + 1e-6 < everySeconds) {
            return;
        }
        out.printf(Locale.ROOT, "[%6.0fs] users %6d | %9.1f req/s | p50 %8.2f  p95 %8.2f  p99 %8.2f ms | errors %d (%.2f%%) | dropped %d | cpu %3.0f%%%n",
                s.elapsedSeconds(), s.users(), requests / Math.max(span, 1e-3), pct(50), pct(95), pct(99), errors,
                requests == 0 ? 0 : 100.0 * errors / requests, dropped, s.generator().cpu() * 100);
        out.flush();
        window = Histograms.newHistogram();
        requests = 0;
        errors = 0;
        dropped = 0;
        windowStart = s.elapsedSeconds();
    }

    private double pct(double p) {
        return window.getTotalCount() == 0 ? 0 : Histograms.ms(window.getValueAtPercentile(p));
    }
}
