package io.carga.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.report.baseline.BaselineComparison;
import io.carga.report.baseline.Figure;
import io.carga.report.capacity.CapacityAnalysis;
import io.carga.report.capacity.CapacityCriteria;
import io.carga.report.capacity.CapacityPlan;
import io.carga.report.capacity.CapacitySearch;
import io.carga.report.capacity.StepStats;
import io.carga.report.results.ResultsLogReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Opens report.html in headless Chromium (Debian's chromium and chromium-driver; never downloaded):
 * no console errors, every chart drew data, the request table shows summary.json's figures. Keeps a
 * screenshot in target/report-screenshot.png.
 */
class ReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theReportRendersInARealBrowser() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no /usr/bin/chromium (apt-get install chromium chromium-driver)");
        Path base = dir.resolve("base");
        Path run = dir.resolve("run");
        SyntheticRun.platform().seconds(300).users(80).ramp(120).seed(1).write(base);
        SyntheticRun.platform().seconds(300).users(80).ramp(120).seed(2).slowdown(1.12).burstAbove(70, 0.08).write(run);
        writeCapacity(run);
        BaselineComparison cmp = BaselineComparison.compare(new ResultsLogReader().read(base).aggregate(),
                new ResultsLogReader().read(run).aggregate(), 0.10, Set.of(Figure.P95, Figure.P99, Figure.ERROR_RATE));
        Path html = new ReportBuilder().build(run, cmp, "results/base").html();
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());

        try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
            ChromeDriver driver = chromium.driver();
            JavascriptExecutor js = driver;
            assertThat(chromium.open(html)).as("the report's script ran to its end").isTrue();
            assertThat(chromium.problems()).as("console errors").isEmpty();

            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) js.executeScript("return window.cargaCharts");
            assertThat(drawn).containsKeys("chart-load", "chart-latency", "chart-dist", "chart-errors", "chart-capacity");
            drawn.forEach((id, n) -> assertThat(((Number) n).longValue()).as(id + " drew points").isPositive());
            for (WebElement canvas : driver.findElements(By.cssSelector(".chart canvas"))) {
                Long inked = (Long) js.executeScript("var c=arguments[0], d=c.getContext('2d').getImageData(0,0,c.width,c.height).data, n=0;"
                        + "for (var i=3;i<d.length;i+=4) if (d[i]>0) n++; return n;", canvas);
                assertThat(inked).as("pixels drawn on a chart canvas").isGreaterThan(500);
            }

            List<WebElement> rows = driver.findElements(By.cssSelector("#requests-table tbody tr"));
            assertThat(rows).hasSize(summary.path("requests").size());
            for (WebElement row : rows) {
                String name = row.findElement(By.cssSelector("td[data-key=name]")).getText();
                JsonNode s = summary.path("requests").path(name);
                assertThat(s.isMissingNode()).as(name).isFalse();
                assertCell(row, "count", s.path("count").asDouble(), 0);
                assertCell(row, "errors", s.path("errors").asDouble(), 0);
                assertCell(row, "rps", s.path("rps").asDouble(), 0.06);
                assertCell(row, "p50", s.path("latency_ms").path("p50").asDouble(), 0.06);
                assertCell(row, "p95", s.path("latency_ms").path("p95").asDouble(), 0.06);
                assertCell(row, "p99", s.path("latency_ms").path("p99").asDouble(), 0.06);
                assertCell(row, "max", s.path("latency_ms").path("max").asDouble(), 0.06);
            }
            WebElement total = driver.findElement(By.cssSelector("#requests-table tfoot tr"));
            assertCell(total, "count", summary.path("total").path("count").asDouble(), 0);

            // sorting by p95 puts the slowest name first
            driver.findElement(By.cssSelector("#requests-table th[data-key=p95]")).click();
            driver.findElement(By.cssSelector("#requests-table th[data-key=p95]")).click();
            String first = driver.findElement(By.cssSelector("#requests-table tbody tr td[data-key=name]")).getText();
            assertThat(first).isEqualTo("POST /api/v1/ai/finance{model=gpt-4-turbo}");

            assertThat(driver.findElement(By.id("grade-letter")).getText()).matches("[ABCDF]");
            assertThat(driver.findElement(By.id("recs")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("baseline")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("capacity")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("ai")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("cost")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("production")).isDisplayed()).as("the production projection, apart").isTrue();

            long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1360, (int) Math.min(height + 40, 7000)));
            js.executeScript("window.dispatchEvent(new Event('resize')); window.scrollTo(0, 0);");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "report-screenshot.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(html, Path.of("target", "report-sample.html"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void assertCell(WebElement row, String key, double expected, double tolerance) {
        WebElement td = row.findElement(By.cssSelector("td[data-key=" + key + "]"));
        assertThat(Double.parseDouble(td.getAttribute("data-v"))).as(key + " data").isEqualTo(expected);
        double shown = Double.parseDouble(td.getText().replace(",", ""));
        assertThat(shown).as(key + " shown").isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(tolerance, 1e-9)));
    }

    /** A capacity result as the live search would leave it, so the section is rendered too. */
    private static void writeCapacity(Path dir) throws Exception {
        CapacityPlan plan = new CapacityPlan(50, 50, 400, Duration.ofSeconds(5), Duration.ofSeconds(30));
        List<StepStats> steps = List.of(step(50, 480, 210), step(100, 950, 230), step(150, 1390, 260), step(200, 1650, 420),
                step(250, 1700, 780));
        ResultsFilesAccess.write(dir.resolve(CapacitySearch.FILE),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        CapacitySearch.toJson(plan, CapacityCriteria.SPEC, CapacityAnalysis.evaluate(steps, CapacityCriteria.SPEC, 400))));
    }

    private static StepStats step(int users, double rps, double p95) {
        long n = (long) (rps * 30);
        return new StepStats(users, 30, n, n / 500, p95, Map.of("GET /api/v1/tasks", new StepStats.NameStats(n, n / 500, p95)), false);
    }

    /** Plain file write (the test's stand-in for the search's own writer). */
    static final class ResultsFilesAccess {
        static void write(Path p, String s) throws Exception {
            Files.writeString(p, s);
        }
    }
}
