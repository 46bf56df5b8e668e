package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's {@code cost_limits} while a run goes, against the reference target's simulated OpenAI (gpt-4-turbo at
 * the spec's price, about R$ 0.0075 an answer here): the hourly peak stopping a run, the daily limit counting the
 * day's earlier runs from the ledger, and {@code optimize_test_costs} ramping a run down (Flash only, users held,
 * the rest shortened), each step recorded with when and why.
 */
@Timeout(300)
class CostLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final AiSpending.Target sim = new AiSpending.Target();

    @TempDir
    Path dir;

    private Path plan(int users, String duration, String limits) throws Exception {
        AiSpending.spender(dir);
        return Files.writeString(dir.resolve("carga.yaml"), """
                version: 1
                name: limits
                target: %s
                scenarios:
                  spender: {file: Spender.java}
                load: {users: %d, duration: %s}
                %s
                """.formatted(sim.baseUrl(), users, duration, limits));
    }

    private static List<JsonNode> steps(Path out) throws Exception {
        List<JsonNode> s = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("cost_steps.jsonl"))) {
            s.add(JSON.readTree(l));
        }
        return s;
    }

    @Test
    void theHourlyPeakStopsTheRunAfterItsAlert() throws Exception {
        Path out = dir.resolve("results/hourly");
        Cli.Result r = Cli.run("run", "--plan", plan(2, "60s", "cost_limits: {hourly_peak_cost: \"R$ 0.10\", action: stop}").toString(),
                "--out", out.toString(), "-q");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.BUDGET.code());
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/duration_s").asDouble()).as("stopped long before 60 s").isLessThan(30);
        assertThat(s.at("/stop/cause").asText()).startsWith("stopped by budget").contains("per-hour limit R$ 0.1");
        List<JsonNode> steps = steps(out);
        assertThat(steps).extracting(n -> n.path("step").asText()).containsExactly("alert", "stop");
        assertThat(steps.get(0).path("why").asText()).contains("% of the per-hour limit R$ 0.1");
        assertThat(steps.get(1).path("at_ms").asLong()).isGreaterThanOrEqualTo(steps.get(0).path("at_ms").asLong());
        assertThat(s.at("/cost/testing/steps")).hasSize(2);
    }

    @Test
    void theDailyLimitCountsTheDaysEarlierRuns() throws Exception {
        Path root = dir.resolve("results");
        Path free = plan(2, "3s", "");
        assertThat(Cli.run("run", "--plan", free.toString(), "--out", root.resolve("earlier").toString(), "-q").exit()).isIn(0, 4);
        double earlier = JSON.readTree(Files.readAllLines(root.resolve("ledger.jsonl")).get(0)).at("/ai_brl/gpt-4-turbo").asDouble();
        assertThat(earlier).isPositive();

        // a daily limit a few answers above what the day already spent: alone the run could go on for a minute
        double limit = earlier + 0.05;
        Path out = root.resolve("today");
        Cli.Result r = Cli.run("run", "--plan", plan(2, "60s", "cost_limits: {daily_ai_cost: \"R$ " + limit + "\", action: stop}").toString(),
                "--out", out.toString(), "-q");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(5);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/duration_s").asDouble()).isLessThan(30);
        assertThat(s.at("/cost/ai_brl").asDouble()).as("the run itself spent about what the limit left it")
                .isLessThan(0.05 + 0.1).isGreaterThanOrEqualTo(0.05 - 0.01);
        assertThat(s.at("/stop/cause").asText()).contains("of earlier runs", "daily limit");
        assertThat(s.at("/cost/budget/per_day_brl").asDouble()).isEqualTo(limit);
        assertThat(s.at("/cost/budget/day_spent_before_brl").asDouble()).isCloseTo(earlier, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(s.at("/cost/budget/status").asText()).isEqualTo("stopped");
    }

    @Test
    void optimizeTestCostsSwitchesToFlashHoldsTheUsersAndShortensTheRest() throws Exception {
        Path out = dir.resolve("results/optimized");
        Cli.Result r = Cli.run("run", "--plan", plan(6, "24s", """
                cost_limits: {hourly_peak_cost: "R$ 0.15", action: optimize_test_costs}
                optimize_test_costs: {switch_to_gemini_flash_only: true, limit_concurrent_users: 2, reduce_test_duration: "50%"}
                """).toString(), "--out", out.toString(), "-q");
        assertThat(r.exit()).as(r.out() + r.err()).isIn(0, 4);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        List<JsonNode> steps = steps(out);
        assertThat(steps).extracting(n -> n.path("step").asText()).containsExactly("alert", "ai_flash_only", "users_limited", "rest_shortened");
        assertThat(steps.get(2).path("why").asText()).contains("users held to 2");
        assertThat(steps.get(3).path("why").asText()).contains("cut to 50%");
        double at = steps.get(3).path("elapsed_s").asDouble();
        // the rest of 24 s halved: the run ends near at + (24 - at) / 2, well before 24 s
        assertThat(s.at("/duration_s").asDouble()).isLessThan(at + (24 - at) / 2 + 6).isLessThan(22);
        assertThat(s.at("/stop/reason").asText()).isEqualTo("COMPLETED");
        assertThat(s.at("/stop/cause").asText()).startsWith("shortened by budget");
        assertThat(s.at("/ai/models/gemini-2.5-flash/count").asLong()).as("AI switched to Flash").isPositive();
        assertThat(s.at("/cost/budget/status").asText()).isEqualTo("optimized");
        // users: 6 before the step, at most 2 once the leaving users finished their task (a second or two)
        int lateUsers = 0;
        for (String l : Files.readAllLines(out.resolve("timeseries.jsonl"))) {
            JsonNode p = JSON.readTree(l);
            if (p.path("elapsed_s").asDouble() > at + 3) {
                lateUsers = Math.max(lateUsers, p.path("users").asInt());
            }
        }
        assertThat(lateUsers).isBetween(1, 2);
    }
}
