package io.carga.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.ExitCode;
import io.carga.cli.Main;
import io.carga.pgbench.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's section 5.2 command lines as plan stages (fewer clients, and {@code --scale-time} for the spec's -T 300
 * and -T 600), judged by the spec's database_queries tier and its slow-query alert.
 */
@Timeout(180)
class DbStagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void schema() throws IOException {
        SpecCommandLinesTest.schema();
        Files.copy(Path.of("../bench/pgbench/spec-5.1.sql"), dir.resolve("pgbench_custom_scripts.sql"));
    }

    private static Path plan(String extraStage) throws IOException {
        String db = "--jdbc-url " + TestDb.get().jdbcUrl() + " -U postgres";
        Path plan = dir.resolve("carga.yaml");
        Files.writeString(plan, """
                name: database load (spec 5.2)
                response_times:
                  database_queries: "< 100ms p95"
                alerting_rules:
                  - name: "Database Slow Queries"
                    condition: "query_time > 500ms"
                    severity: "warning"
                pipeline:
                  test_stages:
                    basic:
                      db: "%1$s -c 8 -j 4 -T 300 -P 10 --builtin=tpcb-like"
                    business:
                      db: "%1$s -c 8 -j 4 -T 600 -P 30 -f pgbench_custom_scripts.sql"
                    pool_stress:
                      db: "%1$s -c 16 -j 8 -T 300 --builtin=simple-update"
                %2$s""".formatted(db, extraStage));
        return plan;
    }

    @Test
    void thePipelineRunsTheSpecsThreeCommandLinesAndJudgesTheQueryTier() throws IOException {
        Path out = dir.resolve("pipeline");
        int exit = Main.execute("pipeline", "--plan", plan("").toString(), "--scale-time", "0.01", "--out", out.toString(), "-q");

        assertThat(exit).as(Files.readString(out.resolve("pipeline.json"))).isZero();
        JsonNode pipeline = JSON.readTree(out.resolve("pipeline.json").toFile());
        assertThat(pipeline.path("stages").findValuesAsText("name")).containsExactly("basic", "business", "pool_stress");
        JsonNode business = JSON.readTree(out.resolve("02-business/summary.json").toFile());
        assertThat(business.path("requests").has(dir.resolve("pgbench_custom_scripts.sql") + ":19"))
                .as("the -f file is the plan's neighbour").isTrue();
        JsonNode run = JSON.readTree(out.resolve("02-business/run.json").toFile());
        assertThat(run.path("load").asText()).isEqualTo("closed: up to 8 users for 6s");
        for (String stage : new String[] {"01-basic", "02-business", "03-pool_stress"}) {
            JsonNode verdict = JSON.readTree(out.resolve(stage + "/summary.json").toFile()).path("thresholds").get(0);
            assertThat(verdict.path("name").asText()).isEqualTo("database_queries");
            assertThat(verdict.path("verdict").asText()).as(stage + ": the statements are the tier").isEqualTo("passed");
            assertThat(verdict.path("measured").asDouble()).isPositive().isLessThan(100);
            assertThat(Files.readString(out.resolve(stage + "/judge.json"))).contains("Database Slow Queries", "query_time");
        }
    }

    @Test
    void aStageOverItsLimitFailsAndABadCommandLineIsAPlanProblemWithItsLine() throws IOException {
        Path p = plan("""
                    strict:
                      db: "--jdbc-url %s -U postgres -c 2 -T 1 -S"
                      thresholds:
                        - "p99{tier=database_queries} < 1us"
                """.formatted(TestDb.get().jdbcUrl()));
        int exit = Main.execute("run", "--plan", p.toString(), "--stage", "strict", "--out", dir.resolve("strict").toString());
        assertThat(exit).isEqualTo(ExitCode.THRESHOLDS_FAILED.code());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                pipeline:
                  test_stages:
                    broken:
                      db: "-c 2 -T 1 --builtin=tpcb-unlike"
                """);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("plan", "check", bad.toString())).isEqualTo(ExitCode.USAGE.code());
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("bad.yaml:5:11: db: ").contains("tpcb-unlike");
    }

    @Test
    void planCheckKnowsADbStagesStatementsAreTheQueryTier() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute("plan", "check", plan("").toString());
            Path noDb = dir.resolve("no-db.yaml");
            Files.writeString(noDb, "name: no db\nresponse_times:\n  database_queries: \"< 100ms p95\"\n");
            Main.execute("plan", "check", noDb.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(exit).isZero();
        String warnings = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(warnings).doesNotContain("carga.yaml").as("without a db stage nothing is the tier")
                .contains("no-db.yaml:3:21: warning: threshold p95{tier=database_queries} < 100ms matches no request");
    }

    @Test
    void aDbStageIsPricedIntoTheLedgerAndRefusedWhenTheBudgetIsSpentAsAnyStage() throws IOException {
        io.carga.cli.plan.PlanFixtures.brlPrices(dir);
        Path plan = dir.resolve("budgeted.yaml");
        String text = """
                name: budgeted db
                prices: prices.yaml
                test_instances: {type: e2-medium, count: 2}
                testing_budget:
                  monthly_budget: "R$ 500"
                  allocation:
                    cloud_instances: "60%%"
                    ai_testing_quota: "30%%"
                    monitoring_tools: "10%%"
                pipeline:
                  test_stages:
                    quick:
                      db: "--jdbc-url %s -U postgres -c 2 -T 1 -S"
                """.formatted(TestDb.get().jdbcUrl());
        Files.writeString(plan, text);
        Path root = dir.resolve("budget");
        assertThat(Main.execute("run", "--plan", plan.toString(), "--stage", "quick", "--out", root.resolve("paid").toString(), "-q")).isZero();
        List<String> ledger = Files.readAllLines(root.resolve("ledger.jsonl"));
        assertThat(ledger).hasSize(1);
        assertThat(JSON.readTree(ledger.get(0)).path("total_brl").asDouble()).as("two instances for the run's seconds").isPositive();

        Files.writeString(plan, text.replace("\"R$ 500\"", "\"R$ 0.000001\""));
        assertThat(Main.execute("run", "--plan", plan.toString(), "--stage", "quick", "--out", root.resolve("refused").toString(), "-q"))
                .isEqualTo(ExitCode.BUDGET.code());
        assertThat(root.resolve("refused")).doesNotExist();
        assertThat(Main.execute("pipeline", "--plan", plan.toString(), "--out", root.resolve("pipeline").toString(), "-q"))
                .isEqualTo(ExitCode.BUDGET.code());
        assertThat(root.resolve("pipeline/01-quick")).doesNotExist();
        assertThat(Files.readString(root.resolve("pipeline/pipeline.json"))).contains("\"result\" : \"refused\"");
        assertThat(Files.readAllLines(root.resolve("ledger.jsonl"))).hasSize(1);
    }
}
