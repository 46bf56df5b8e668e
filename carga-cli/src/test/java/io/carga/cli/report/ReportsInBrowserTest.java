package io.carga.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import io.carga.cli.plan.PlanFixtures;
import io.carga.report.html.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The demo's report and a plan run's report, opened in headless Chromium as a person would: the figures they
 * show are summary.json's, and each says what it covers (the grade's response time, the p95 card, money with
 * its currency, the projection with its assumptions, the thresholds with measured value and limit).
 */
@Timeout(240)
class ReportsInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDemosReportShowsSummaryJsonsFiguresAndWhatEachCovers() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no chromium and chromium-driver");
        Path out = dir.resolve("demo");
        int code = Main.execute("demo", "--duration", "12s", "--users", "10", "--seed", "3", "--out", out.toString(), "-q");
        assertThat(code).as("4 only if a busy machine saturated the generator").isIn(0, 4);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
            assertThat(chromium.open(out.resolve("report.html"))).as("%s %s %s", chromium.problems(), chromium.text(), java.util.Arrays.toString(out.toFile().list())).isTrue();
            assertThat(chromium.problems()).as("console errors").isEmpty();
            ChromeDriver d = chromium.driver();

            String p95Card = d.findElement(By.id("kpi-p95")).getText();
            assertThat(p95Card).containsIgnoringCase("all requests").contains(ms(s.at("/total/latency_ms/p95").asDouble()));
            WebElement time = d.findElement(By.cssSelector(".part[data-part='response time']"));
            assertThat(time.getText()).contains("over the api_endpoints tier:");
            assertThat(d.findElement(By.id("verdict")).getText()).contains("over the api_endpoints tier:");
            WebElement costPart = d.findElement(By.cssSelector(".part[data-part='cost efficiency']"));
            assertThat(costPart.getText()).as("the demo prices its AI").contains("R$").doesNotContain("not measured");

            for (WebElement row : d.findElements(By.cssSelector("#requests-table tbody tr"))) {
                String name = cell(row, "name");
                JsonNode r = s.path("requests").path(name);
                assertThat(r.isMissingNode()).as(name).isFalse();
                assertThat(cell(row, "count").replace(",", "")).isEqualTo(String.valueOf(r.path("count").asLong()));
                assertThat(Double.parseDouble(cell(row, "p95").replace(",", ""))).isCloseTo(r.at("/latency_ms/p95").asDouble(),
                        org.assertj.core.data.Offset.offset(0.06));
                assertThat(cell(row, "sla")).as(name + " says which SLA judges it").matches("\\w+ p95 < [\\d,]+ ms");
                java.util.regex.Matcher tier = java.util.regex.Pattern.compile("tier=(\\w+)").matcher(name);
                if (tier.find()) {
                    // cx_chat is tagged tier=api_endpoints: judged by the API's 500 ms, not as an AI chat
                    assertThat(cell(row, "sla")).as(name + " is judged by its own tier").startsWith(tier.group(1) + " ");
                }
            }

            List<WebElement> costs = d.findElements(By.cssSelector("#ai-table td[data-key=cost]"));
            assertThat(costs).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).startsWith("R$ ").isNotEqualTo("R$ 0.00"));

            assertThat(d.findElement(By.cssSelector("#test-cost-total .v")).getText()).isEqualTo(money(s.at("/cost/testing/total_brl").asDouble()));
            for (WebElement row : d.findElements(By.cssSelector("#projection-table tbody tr"))) {
                String users = row.findElements(By.tagName("td")).get(1).getText().replace(",", "");
                assertThat(row.findElement(By.cssSelector("td[data-key=total]")).getText())
                        .isEqualTo(money(s.at("/cost/projection_monthly_brl/" + users + "/total").asDouble()));
            }
            assertThat(d.findElement(By.id("projection-assumptions")).getText())
                    .contains(s.at("/cost/projection_monthly_brl/assumptions").asText()).contains("176 active hours");
        }
    }

    @Test
    void aPlanRunsReportShowsItsThresholdsAsSummaryJsonHasThem() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no chromium and chromium-driver");
        Path plan = Files.writeString(dir.resolve("carga.yaml"),
                PlanFixtures.specPlan().replace("api_endpoints: \"< 500ms p95\"", "api_endpoints: \"< 1ms p95\""));
        Path out = dir.resolve("run");
        int code = Main.execute("run", "--plan", plan.toString(), "--stage", "smoke", "--force", "--duration", "4s",
                "--out", out.toString(), "-q");
        assertThat(code).isIn(1, 4);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
            assertThat(chromium.open(out.resolve("report.html"))).as("%s %s %s", chromium.problems(), chromium.text(), java.util.Arrays.toString(out.toFile().list())).isTrue();
            assertThat(chromium.problems()).as("console errors").isEmpty();
            ChromeDriver d = chromium.driver();
            assertThat(d.findElement(By.id("thresholds")).isDisplayed()).isTrue();
            List<WebElement> rows = d.findElements(By.cssSelector("#thresholds-table tbody tr"));
            assertThat(rows).hasSize(s.path("thresholds").size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode t = s.path("thresholds").get(i);
                List<WebElement> tds = rows.get(i).findElements(By.tagName("td"));
                assertThat(tds.get(1).getText()).isEqualTo(t.path("expression").asText());
                assertThat(tds.get(2).getText()).isEqualTo(t.path("measured_label").isNull() ? "–" : t.path("measured_label").asText());
                assertThat(tds.get(3).getText()).isEqualTo(t.path("limit_label").asText());
                assertThat(tds.get(4).getText()).isEqualTo(t.path("verdict").asText().replace('_', ' '));
            }
            assertThat(d.findElement(By.id("verdict")).getText()).contains("threshold").contains("failed");
            // the plan's tiers judge the requests: business setup is in its api_endpoints tier, with the plan's 1 ms
            assertThat(cellOf(d, "#requests-table", "POST /api/v1/business/setup", "sla")).isEqualTo("api_endpoints p95 < 1 ms");
            assertThat(d.findElement(By.cssSelector(".part[data-part='response time']")).getText())
                    .contains("over the api_endpoints tier: 1 of 3 request names");
        }
    }

    private static String cell(WebElement row, String key) {
        return row.findElement(By.cssSelector("td[data-key=" + key + "]")).getText();
    }

    private static String cellOf(ChromeDriver d, String table, String name, String key) {
        for (WebElement row : d.findElements(By.cssSelector(table + " tbody tr"))) {
            if (cell(row, "name").equals(name)) {
                return cell(row, key);
            }
        }
        throw new AssertionError("no row " + name + " in " + table);
    }

    /** The page's number format: one decimal from 100 up, else two. */
    private static String ms(double v) {
        return String.format(Locale.US, Math.abs(v) >= 100 ? "%,.1f" : "%,.2f", v) + " ms";
    }

    /** The page's money format: cents from one unit up, else three significant digits. */
    private static String money(double v) {
        double a = Math.abs(v);
        if (a == 0 || a >= 1) {
            return "R$ " + String.format(Locale.US, "%,.2f", v);
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        return "R$ " + (b.scale() < 2 ? b.setScale(2).toPlainString() : b.toPlainString());
    }
}
