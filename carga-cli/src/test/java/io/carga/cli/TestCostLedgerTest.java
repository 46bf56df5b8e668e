package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21's ledger and pre-run refusal, through the command line against the reference target's simulated
 * OpenAI: every run adds one line (a SIGKILLed one when the ledger is next read), each priced with the plan's
 * price file; a run the month's budget cannot pay for is refused with exit code 5 before any results folder
 * exists, and {@code --force} runs it.
 */
@Timeout(300)
class TestCostLedgerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final AiSpending.Target sim = new AiSpending.Target();

    @TempDir
    Path dir;

    /** A plan of one closed load of the spender, priced in R$ by a dated price file next to it. */
    private Path plan(String budget, String duration) throws Exception {
        AiSpending.spender(dir);
        io.carga.cli.plan.PlanFixtures.brlPrices(dir);
        return Files.writeString(dir.resolve("carga.yaml"), """
                version: 1
                name: ledger
                target: %s
                scenarios:
                  spender: {file: Spender.java}
                load: {users: 2, duration: %s}
                prices: prices.yaml
                test_instances: {type: e2-medium, count: 2}
                testing_budget:
                  monthly_budget: "%s"
                  allocation:
                    cloud_instances: "60%%"
                    ai_testing_quota: "30%%"
                    monitoring_tools: "10%%"
                """.formatted(sim.baseUrl(), duration, budget));
    }

    private static List<JsonNode> ledger(Path root) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(root.resolve("ledger.jsonl"))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void everyRunAddsOneLineAKilledOneWhenTheLedgerIsNextRead() throws Exception {
        Path plan = plan("R$ 500", "4s");
        Path root = dir.resolve("results");
        Cli.Result first = Cli.run("run", "--plan", plan.toString(), "--out", root.resolve("a").toString(), "-q");
        assertThat(first.exit()).as(first.err() + first.out()).isIn(0, 4);
        List<JsonNode> lines = ledger(root);
        assertThat(lines).hasSize(1);
        JsonNode a = lines.get(0);
        assertThat(a.path("folder").asText()).isEqualTo("a");
        assertThat(a.path("rebuilt").asBoolean()).isFalse();
        assertThat(a.path("prices").asText()).contains("2026-11-30", "test invoice", "BRL");
        JsonNode summary = JSON.readTree(root.resolve("a/summary.json").toFile());
        // AI per model, as the run measured it at the price file's R$ 150 per million tokens
        assertThat(a.at("/ai_brl/gpt-4-turbo").asDouble()).isPositive()
                .isCloseTo(summary.at("/ai/models/gpt-4-turbo/cost_brl").asDouble(), within(1e-6));
        JsonNode tokens = summary.at("/ai/models/gpt-4-turbo/tokens");
        assertThat(a.at("/ai_brl/gpt-4-turbo").asDouble())
                .isCloseTo((tokens.path("input").asLong() + tokens.path("output").asLong()) * 150 / 1e6, within(1e-5));
        // instances × hours × price: 2 × duration × R$ 3.60 an hour (R$ 0.001 a second each)
        double seconds = a.path("duration_s").asDouble();
        assertThat(a.at("/instances/brl").asDouble()).isCloseTo(2 * seconds * 0.001, within(1e-5));
        // storage: what the folder holds, a month at R$ 1000 per GB
        long bytes = a.at("/storage/bytes").asLong();
        assertThat(bytes).isGreaterThan(Files.size(root.resolve("a/summary.json")));
        assertThat(a.at("/storage/brl").asDouble()).isCloseTo(bytes / 1e9 * 1000, within(1e-6));
        assertThat(a.path("total_brl").asDouble()).isCloseTo(a.at("/ai_brl/gpt-4-turbo").asDouble() + a.at("/instances/brl").asDouble()
                + a.at("/storage/brl").asDouble(), within(1e-5));

        killAfterThreeIntervals(root.resolve("b"), "run", "--plan", plan.toString(), "--duration", "60s", "--out", root.resolve("b").toString(), "-q");
        assertThat(ledger(root)).as("a killed run writes nothing itself").hasSize(1);
        assertThat(root.resolve("b/cost.json")).as("its prices were written before it started").isNotEmptyFile();

        Cli.Result third = Cli.run("run", "--plan", plan.toString(), "--out", root.resolve("c").toString(), "-q");
        assertThat(third.exit()).as(third.err()).isIn(0, 4);
        lines = ledger(root);
        assertThat(lines).extracting(n -> n.path("folder").asText()).as("one line per run, the killed one priced from its folder")
                .containsExactly("a", "b", "c");
        JsonNode b = lines.get(1);
        assertThat(b.path("rebuilt").asBoolean()).isTrue();
        assertThat(b.path("stop").asText()).isEqualTo("ABRUPT");
        assertThat(b.at("/ai_brl/gpt-4-turbo").asDouble()).as("its AI up to the last complete second").isPositive();
        assertThat(b.at("/instances/count").asInt()).isEqualTo(2);

        Cli.Result budget = Cli.run("budget", "--plan", plan.toString(), "--results", root.toString());
        assertThat(budget.exit()).isZero();
        assertThat(ledger(root)).as("reading it again adds nothing").hasSize(3);
        double total = lines.stream().mapToDouble(n -> n.path("total_brl").asDouble()).sum();
        double ai = lines.stream().mapToDouble(n -> n.at("/ai_brl/gpt-4-turbo").asDouble()).sum();
        assertThat(budget.out()).contains("3 runs", "of R$ 500.00", "cloud_instances", "of R$ 300.00", "ai_testing_quota",
                "of R$ 150.00", "monitoring_tools", "of R$ 50.00", "results storage")
                .contains(io.carga.core.threshold.Kind.MONEY.format(ai, "R$") + " of R$ 150.00")
                .contains(io.carga.core.threshold.Kind.MONEY.format(total, "R$") + " of R$ 500.00");
    }

    @Test
    void aRunTheBudgetCannotPayForIsRefusedWithoutAResultsFolderAndForceRunsIt() throws Exception {
        Path root = dir.resolve("results");
        Path plan = plan("R$ 500", "3s");
        assertThat(Cli.run("run", "--plan", plan.toString(), "--out", root.resolve("paid").toString(), "-q").exit()).isIn(0, 4);
        double spent = ledger(root).get(0).path("total_brl").asDouble();
        double perUserHour = spent / ledger(root).get(0).path("user_hours").asDouble();

        // the month's budget is already spent
        Files.writeString(plan, Files.readString(plan).replace("\"R$ 500\"", "\"R$ " + spent / 2 + "\""));
        Cli.Result spentOut = Cli.run("run", "--plan", plan.toString(), "--out", root.resolve("refused").toString(), "-q");
        assertThat(spentOut.exit()).isEqualTo(ExitCode.BUDGET.code()).isEqualTo(5);
        assertThat(spentOut.errLines()).hasSize(1);
        assertThat(spentOut.errLines().get(0)).startsWith("carga: refused: this month's testing budget is spent").contains("--force");
        assertThat(root.resolve("refused")).doesNotExist();

        // money is left, but less than a 10-minute run of 2 users costs at the ledger's cost per user-hour
        double left = perUserHour * (2 * 10 / 60.0) / 2;
        Files.writeString(plan, Files.readString(plan).replaceAll("monthly_budget: \"R\\$ [0-9.E-]+\"",
                "monthly_budget: \"R\\$ " + (spent + left) + "\"").replaceAll("\"[0-9]+%\"", "\"100%\""));
        Cli.Result tooDear = Cli.run("run", "--plan", plan.toString(), "--duration", "10m", "--out", root.resolve("refused").toString(), "-q");
        assertThat(tooDear.exit()).as(tooDear.err()).isEqualTo(5);
        assertThat(tooDear.errLines()).hasSize(1);
        assertThat(tooDear.errLines().get(0)).contains("refused: 0.333 planned user-hours at", "the ledger's 1 earlier runs", "more than the");
        assertThat(root.resolve("refused")).doesNotExist();

        Files.writeString(plan, Files.readString(plan).replaceAll("monthly_budget: \"R\\$ [0-9.E-]+\"", "monthly_budget: \"R\\$ 0.0001\""));
        Cli.Result forced = Cli.run("run", "--plan", plan.toString(), "--duration", "3s", "--force", "--out", root.resolve("forced").toString(), "-q");
        assertThat(forced.exit()).as(forced.err()).isIn(0, 4);
        assertThat(forced.out()).contains("running anyway (--force)");
        assertThat(ledger(root)).extracting(n -> n.path("folder").asText()).containsExactly("paid", "forced");
    }

    @Test
    void aPipelineStopsAtAStageItsBudgetCannotPayFor() throws Exception {
        Path root = dir.resolve("results");
        Path plan = Files.writeString(dir.resolve("spec.yaml"), io.carga.cli.plan.PlanFixtures.specPlan()
                .replaceAll("(?m)^  scheduled_testing:.*\\n", "")); // any hour: only the budget may refuse
        Cli.Result paid = Cli.run("pipeline", "--plan", plan.toString(), "--stages", "smoke", "--scale-time", "0.01",
                "--out", root.resolve("first").toString(), "-q");
        assertThat(paid.exit()).as(paid.err()).isIn(0, 4);
        assertThat(ledger(root)).extracting(n -> n.path("folder").asText()).containsExactly("first/01-smoke_test");

        Files.writeString(plan, Files.readString(plan).replace("monthly_budget: \"R$ 500\"", "monthly_budget: \"R$ 0.000001\""));
        Cli.Result refused = Cli.run("pipeline", "--plan", plan.toString(), "--stages", "smoke", "--scale-time", "0.01",
                "--out", root.resolve("second").toString(), "-q");
        assertThat(refused.exit()).isEqualTo(5);
        assertThat(refused.err()).contains("stage smoke_test refused: this month's testing budget is spent");
        assertThat(root.resolve("second/01-smoke_test")).doesNotExist();
        assertThat(Files.readString(root.resolve("second/pipeline.json"))).contains("\"result\" : \"refused\"");
    }

        /** Starts carga in a child JVM and SIGKILLs it once three intervals are in its results log. */
    private void killAfterThreeIntervals(Path out, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.carga.cli.Main"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path series = out.resolve("timeseries.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(series) || Files.readAllLines(series).size() < 4) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
