package io.carga.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.report.results.ResultsFiles;
import io.carga.report.results.ResultsLogReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The report benchmark (bench/report/run.sh): a synthetic one-hour results folder with 20 request
 * names; the reports must build in under 3 s and report.html stay under 5 MB. Off by default (it writes
 * a large folder); run with {@code -Dcarga.bench=DIR}.
 */
@EnabledIfSystemProperty(named = "carga.bench", matches = ".+")
class ReportBenchTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void oneHourTwentyNames() throws Exception {
        Path dir = Path.of(System.getProperty("carga.bench")).toAbsolutePath();
        if (!Files.exists(dir.resolve(ResultsFiles.TOTALS))) { // none yet, or one in an older format: write it again
            long t0 = System.nanoTime();
            SyntheticRun.platform().users(200).ramp(300).seconds(3600).write(dir);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
        }
        // warm the JIT and the page cache once, as a second `carga report` would be; report both runs
        long r0 = System.nanoTime();
        new ResultsLogReader().read(dir);
        double readOnly = (System.nanoTime() - r0) / 1e9;
        ReportBuilder.Built cold = new ReportBuilder().build(dir, null, null);
        // the machine is shared: this thread's CPU time says what the build costs when others take the cores
        long c0 = CPU.getCurrentThreadCpuTime();
        ReportBuilder.Built warm = new ReportBuilder().build(dir, null, null);
        double warmCpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH results log: %.1f MB hlog (not read), %.1f MB time series, %.2f MB totals; reading it alone (first, cold JVM) %.2f s%n",
                mb(dir, ResultsFiles.HLOG), mb(dir, ResultsFiles.TIMESERIES), mb(dir, ResultsFiles.TOTALS), readOnly);
        System.out.printf(Locale.ROOT, "BENCH report build (all formats): %.2f s second run (%.2f s CPU), %.2f s first; report.html %.2f MB; stats_history.csv %.2f MB%n",
                warm.millis() / 1000.0, warmCpu, cold.millis() / 1000.0, warm.htmlBytes() / 1048576.0,
                mb(dir, "stats_history.csv"));
        assertThat(warm.htmlBytes()).isLessThan(5L << 20);
        assertThat(warm.millis()).isLessThan(3000);
    }

    private static double mb(Path dir, String file) throws java.io.IOException {
        return Files.size(dir.resolve(file)) / 1048576.0;
    }
}
