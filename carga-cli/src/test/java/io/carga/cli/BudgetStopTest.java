package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's "a budget set low stops a run mid-way": real AI requests to the reference target's simulated
 * OpenAI, a per-test budget of a few requests' cost, through the command line. The run ends early as
 * stopped by the budget (exit 5, its own code: not the SLA's 3) with the cause in summary.json, and the results folder is complete.
 */
@Timeout(180)
class BudgetStopTest {
    @TempDir
    Path dir;

    @Test
    void aLowBudgetStopsTheRunWithTheBudgetExitCodeAndACompleteResultsFolder() throws Exception {
        Path scenario = Files.writeString(dir.resolve("Spender.java"), """
                import io.carga.ai.AiClient;
                import io.carga.core.api.*;

                public class Spender extends User {
                    AiClient ai;
                    public void onStart() { ai = AiClient.of(this); }
                    @Task void ask() { ai.openai("gpt-4-turbo").prompt("Crie um post para Instagram de uma padaria").maxTokens(40).stream(); }
                    public void onStop() { ai.close(); }
                }
                """);
        Path out = dir.resolve("out");
        Cli.Result r;
        try (PlatformSim sim = PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(0.05).quotaScale(0)
                .passwordIterations(1000).seed(new Seeder.Plan(10, 10, 0, 0)).build())) {
            // gpt-4-turbo at the spec's price: ~R$ 0.008 per answer, so R$ 0.02 is passed after a few answers
            r = Cli.run("run", scenario.toString(), "--target", sim.baseUrl(), "--users", "2", "--duration", "60s",
                    "--out", out.toString(), "-q", "-P", "ai.budget.per-test=0.02", "-P", "ai.budget.currency=BRL");
        }
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(ExitCode.BUDGET.code()).isEqualTo(5);
        String console = r.out() + r.err();
        assertThat(console.indexOf("BUDGET ALERT")).as("alert line first").isGreaterThanOrEqualTo(0)
                .isLessThan(console.indexOf("(action: stop)"));

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/duration_s").asDouble()).as("stopped mid-way, not at 60 s").isLessThan(50);
        assertThat(s.at("/stop/reason").asText()).isEqualTo("BUDGET");
        assertThat(s.at("/stop/cause").asText()).startsWith("stopped by budget").contains("per-test limit R$ 0.02");
        assertThat(s.at("/cost/budget/status").asText()).isEqualTo("stopped");
        assertThat(s.at("/cost/ai_brl").asDouble()).isGreaterThanOrEqualTo(0.02);
        assertThat(s.at("/ai/models/gpt-4-turbo/count").asLong()).isPositive();
        for (String f : new String[] {"run.json", "latency.hlog", "timeseries.jsonl", "summary.json", "report.html", "stats.csv"}) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
    }
}
