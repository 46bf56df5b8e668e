package io.carga.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.report.results.ResultsLogReader;
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
    @Test
    void oneHourTwentyNames() throws Exception {
        Path dir = Path.of(System.getProperty("carga.bench")).toAbsolutePath();
        if (!Files.exists(dir.resolve("timeseries.jsonl"))) {
            long t0 = System.nanoTime();
            SyntheticRun.platform().users(200).ramp(300).seconds(3600).write(dir);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
        }
        // warm the JIT and the page cache once, as a second `carga report` would be; report both runs
        long r0 = System.nanoTime();
        new ResultsLogReader().read(dir);
        double readOnly = (System.nanoTime() - r0) / 1e9;
        ReportBuilder.Built cold = new ReportBuilder().build(dir, null, null);
        ReportBuilder.Built warm = new ReportBuilder().build(dir, null, null);
        long hlog = Files.size(dir.resolve("latency.hlog"));
        System.out.printf(Locale.ROOT, "BENCH results log: %.1f MB hlog, reading it alone (first, cold JVM) %.2f s%n", hlog / 1048576.0, readOnly);
        System.out.printf(Locale.ROOT, "BENCH report build (all formats): %.2f s second run, %.2f s first; report.html %.2f MB; stats_history.csv %.2f MB%n",
                warm.millis() / 1000.0, cold.millis() / 1000.0, warm.htmlBytes() / 1048576.0,
                Files.size(dir.resolve("stats_history.csv")) / 1048576.0);
        assertThat(warm.htmlBytes()).isLessThan(5L << 20);
        assertThat(warm.millis()).isLessThan(3000);
    }
}
