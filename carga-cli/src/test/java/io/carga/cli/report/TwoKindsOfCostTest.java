package io.carga.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.AiSpending;
import io.carga.cli.Main;
import io.carga.core.threshold.Kind;
import io.carga.report.html.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the platform will cost per user per month, judged as the plan's {@code resource_efficiency} says (in
 * junit.xml too) and shown apart from what the test cost: summary.json against hand-worked figures, then the
 * page in headless Chromium.
 */
@Timeout(300)
class TwoKindsOfCostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final AiSpending.Target sim = new AiSpending.Target();

    @TempDir
    Path dir;

    private Path plan(String aiPrice, String projection) throws Exception {
        AiSpending.spender(dir);
        return Files.writeString(dir.resolve("carga.yaml"), """
                version: 1
                name: per-user
                target: %s
                scenarios:
                  spender: {file: Spender.java}
                load: {users: 2, duration: 4s}
                prices:
                  date: 2026-12-01
                  source: test
                  currency: BRL
                  ai_per_million_tokens: {gpt-4-turbo: {input: %s, output: %s}}
                  instance_per_hour: {e2-medium: 0.36}
                  storage_per_gb_month: 0.1
                %s
                resource_efficiency:
                  cost_per_user_per_month: "< R$ 12"
                  infrastructure_cost_ratio: "< 30%% of revenue"
                  ai_cost_ratio: "< 20%% of revenue"
                """.formatted(sim.baseUrl(), aiPrice, aiPrice, projection));
    }

    private static JsonNode threshold(JsonNode summary, String name) {
        for (JsonNode t : summary.path("thresholds")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no threshold " + name);
    }

    @Test
    void cheapAiAndThePlansInstancesPassAndTheRatiosAreJudgedAgainstRevenue() throws Exception {
        Path out = dir.resolve("cheap");
        int code = Main.execute("run", "--plan", plan("0.01", """
                projection: {active_hours_per_user_per_month: 100, revenue_per_user_per_month: "R$ 50",
                             infrastructure_per_instance_hour: "R$ 0.50", users_per_instance: 100}
                """).toString(), "--out", out.toString(), "-q");
        assertThat(code).isIn(0, 4);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode p = s.at("/cost/production");
        // infrastructure: R$ 0.50 × 730 h ÷ 100 users = R$ 3.65 a user-month, 7.3 % of R$ 50
        assertThat(p.path("infrastructure_per_user_month_brl").asDouble()).isEqualTo(3.65);
        double ai = s.at("/cost/testing/ai_brl").asDouble();
        double userHours = s.at("/cost/user_hours").asDouble();
        assertThat(p.path("ai_per_user_month_brl").asDouble()).isCloseTo(ai / userHours * 100, withinPercentage(0.1));
        assertThat(p.path("per_user_per_month_brl").asDouble()).isCloseTo(ai / userHours * 100 + 3.65, withinPercentage(0.1)).isLessThan(12);
        assertThat(p.at("/revenue_ratios/infrastructure_cost_ratio").asDouble()).isEqualTo(0.073);
        assertThat(threshold(s, "cost_per_user_per_month").path("verdict").asText()).isEqualTo("passed");
        assertThat(threshold(s, "cost_per_user_per_month").path("measured").asDouble())
                .isCloseTo(p.path("per_user_per_month_brl").asDouble(), within(1e-3));
        assertThat(threshold(s, "infrastructure_cost_ratio").path("verdict").asText()).isEqualTo("passed");
        assertThat(threshold(s, "infrastructure_cost_ratio").path("measured").asDouble()).isCloseTo(0.073, within(1e-6));
        assertThat(threshold(s, "ai_cost_ratio").path("verdict").asText()).isEqualTo("passed");
        // the test's own cost is apart: its instances at the price file's R$ 0.36 an hour, none of the production R$ 0.50
        assertThat(s.at("/cost/testing/instances/price_per_hour_brl").asDouble()).isEqualTo(0.36);
        assertThat(s.at("/cost/testing/instances/brl").asDouble()).isCloseTo(0.36 * s.at("/cost/testing/instances/hours").asDouble(), within(1e-6));
        String junit = Files.readString(out.resolve("junit.xml"));
        assertThat(junit).contains("cost_per_user_per_month", "infrastructure_cost_ratio", "ai_cost_ratio");

        assumeTrue(HeadlessChromium.available(), "no chromium and chromium-driver");
        try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
            assertThat(chromium.open(out.resolve("report.html"))).as("%s", chromium.problems()).isTrue();
            assertThat(chromium.problems()).as("console errors").isEmpty();
            ChromeDriver d = chromium.driver();
            String testing = d.findElement(By.id("cost")).getText();
            String production = d.findElement(By.id("production")).getText();
            assertThat(testing).contains("What this test cost", "Currency BRL", "prices of 2026-12-01 (test)")
                    .contains(Kind.MONEY.format(s.at("/cost/testing/total_brl").asDouble(), "R$"))
                    .doesNotContain("per user per month");
            assertThat(d.findElement(By.cssSelector("#test-cost-total .v")).getText())
                    .isEqualTo(Kind.MONEY.format(s.at("/cost/testing/total_brl").asDouble(), "R$"));
            assertThat(production).contains("What the platform will cost in production", "Currency BRL", "100 active hours",
                    "R$ 0.5000 per instance-hour × 730 h ÷ 100 users per instance", "7.3%").doesNotContain("test cost");
            assertThat(d.findElement(By.cssSelector("#production-per-user .v")).getText())
                    .isEqualTo(Kind.MONEY.format(p.path("per_user_per_month_brl").asDouble(), "R$"));
            assertThat(d.findElement(By.cssSelector("#journeys-table td[data-key=per_successful]")).getText())
                    .isEqualTo(Kind.MONEY.format(p.at("/per_successful_interaction/per-user/per_successful_interaction_brl").asDouble(), "R$"));
        }
    }

    @Test
    void theSpecsPricesFailTheTwelveReaisAndWithoutRevenueTheRatiosAreNotEvaluated() throws Exception {
        Path out = dir.resolve("dear");
        int code = Main.execute("run", "--plan", plan("150", "").toString(), "--out", out.toString(), "-q");
        assertThat(code).as("a failed threshold").isIn(1, 4);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(threshold(s, "cost_per_user_per_month").path("verdict").asText()).isEqualTo("failed");
        assertThat(threshold(s, "cost_per_user_per_month").path("measured").asDouble()).isGreaterThan(12);
        assertThat(threshold(s, "ai_cost_ratio").path("verdict").asText()).isEqualTo("not_evaluated");
        assertThat(threshold(s, "infrastructure_cost_ratio").path("verdict").asText()).isEqualTo("not_evaluated");
        assertThat(s.at("/cost/production/revenue_ratios/status").asText()).startsWith("not evaluated");
        String junit = Files.readString(out.resolve("junit.xml"));
        assertThat(junit).containsPattern("cost_per_user_per_month[^>]*>\\s*<failure");
    }

    @Test
    void thePlansScalingTargetsAreJudgedAtTheCapacityARampingRunReached() throws Exception {
        Path out = dir.resolve("ramp");
        int code = Main.execute("run", "--plan", plan("0.01", """
                projection: {infrastructure_per_instance_hour: "R$ 0.50", users_per_instance: 100}
                scaling_targets:
                  launch: 2 concurrent users
                  year_one: 50 concurrent users
                """).toString(), "--stages", "1s:1,2s:1,1s:3,3s:3", "--out", out.toString(), "-q");
        assertThat(code).isIn(0, 1, 4);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode sc = s.path("scalability");
        assertThat(sc.at("/current_capacity/max_stable_users").asInt()).isEqualTo(3);
        assertThat(sc.at("/current_capacity/at_least").asBoolean()).isTrue();
        assertThat(sc.at("/current_capacity/found").asText()).startsWith("estimated from a ramping run");
        assertThat(sc.path("targets_from").asText()).isEqualTo("the plan's scaling_targets");
        assertThat(sc.path("targets").fieldNames()).toIterable().containsExactly("launch", "year_one");
        assertThat(sc.at("/targets/launch/holds").asBoolean()).isTrue();
        assertThat(sc.at("/targets/year_one/holds").asBoolean()).isFalse();
        assertThat(sc.at("/targets/year_one/needs").asText()).startsWith("17× the tested setup"); // ceil(50 / 3)
        assertThat(sc.at("/targets/year_one/projected_monthly_brl").asDouble())
                .isCloseTo(50 * s.at("/cost/production/per_user_per_month_brl").asDouble(), within(0.02));
        assertThat(Files.readString(out.resolve("report.html"))).contains("\"scalability\"");
    }
}
