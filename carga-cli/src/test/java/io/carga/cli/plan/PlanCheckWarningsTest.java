package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.cli.Main;
import io.carga.core.threshold.MetricRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carga plan check}'s warnings: what a plan says and cannot do, each at its line:column. */
class PlanCheckWarningsTest {
    @TempDir
    Path dir;

    List<String> warnings(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("carga.yaml"), yaml);
        Plan plan = new PlanLoader(Map.<String, String>of()::get, MetricRegistry.builtIn()).load(file);
        return PlanWarnings.of(plan).stream().map(PlanException.Problem::toString).toList();
    }

    @Test
    void aStageLongerThanAutoShutdownIsCutShortAtItsDuration() throws Exception {
        assertThat(warnings("""
                version: 1
                cost_controls:
                  auto_shutdown: "Tests stop after 2 hours"
                test_schedule:
                  quick: "10 minutes, 5 users"
                  long: "3 hours, 5 users"
                pipeline:
                  test_stages:
                    smoke: {duration: 2h, users: 1}
                    soak:
                      users: 1
                      duration: "2 hours 30 minutes"
                """)).containsExactly(
                "carga.yaml:6:9: warning: stage long runs 3h but cost_controls.auto_shutdown (line 3) stops every run after 2h: it would be cut short",
                "carga.yaml:12:17: warning: stage soak runs 2h30m but cost_controls.auto_shutdown (line 3) stops every run after 2h: it would be cut short");
    }

    @Test
    void theStagesATriggerRunsMustFitWhatTheWindowLeavesThem() throws Exception {
        assertThat(warnings("""
                version: 1
                cost_controls:
                  scheduled_testing: "Off-peak hours (2AM-6AM UTC-3)"
                pipeline:
                  triggers: ["nightly: 5:00 AM UTC-3", "manual: on demand", "early: 2:00 AM UTC-3", "noon: 12:00 PM UTC-3"]
                  test_stages:
                    smoke: {duration: 90m, users: 1}
                    soak: {duration: 3h, users: 1, triggers: [manual]}
                """)).containsExactly(
                "carga.yaml:5:14: warning: the stages of trigger nightly take 1h30m (1h30m) but the window 02:00–06:00 UTC-03:00"
                        + " (cost_controls.scheduled_testing, line 3) has from 05:00 on 1h",
                "carga.yaml:5:40: warning: the stages of trigger manual take 4h30m (1h30m + 3h) but the window 02:00–06:00 UTC-03:00"
                        + " (cost_controls.scheduled_testing, line 3) lasts 4h",
                "carga.yaml:5:85: warning: trigger noon fires at 12:00 UTC-03:00, outside the window 02:00–06:00 UTC-03:00"
                        + " (cost_controls.scheduled_testing, line 3): its runs would need --force");
    }

    @Test
    void aPipelineWithoutTriggersIsOneRunOfAllItsStages() throws Exception {
        assertThat(warnings("""
                version: 1
                cost_controls:
                  scheduled_testing: "22:00-01:00 UTC"
                pipeline:
                  test_stages:
                    load: {duration: 2h, users: 1}
                    stress: {duration: 90m, users: 1}
                test_schedule:
                  weekly: "4 hours, 5 users"
                """)).containsExactly("carga.yaml:6:5: warning: the pipeline's stages take 3h30m (2h + 1h30m) but the window 22:00–01:00 UTC"
                + " (cost_controls.scheduled_testing, line 3) lasts 3h");
    }

    @Test
    void anAiFloorAboveTheAiRateLimitCanNeverPass() throws Exception {
        assertThat(warnings("""
                version: 1
                cost_controls:
                  ai_rate_limits: "100 requests/minute during testing"
                tiers:
                  ai_requests: {tags: {model: "*"}}
                throughput:
                  requests_per_second: 500
                  ai_requests_per_minute: 1000
                  ai_slow_per_minute: 90
                """)).containsExactly("carga.yaml:8:27: warning: throughput floor ai_requests_per_minute (rps{tier=ai_requests} >= 16.667/s)"
                + " wants 1000/min AI requests but cost_controls.ai_rate_limits (line 3) holds every AI client to 100/min: the floor can never pass",
                "carga.yaml:9:23: warning: throughput floor ai_slow_per_minute (rps{tier=ai_slow} >= 1.5/s) matches no request:"
                        + " tiers: does not define ai_slow and no scenario tags a request tier=ai_slow" + TAGS_HINT);
    }

    static final String TAGS_HINT = " (tags are looked for in the scenarios' code; give the tier request names under tiers:, or tag the requests)";

    @Test
    void aScopeNoScenarioCanProduceMatchesNothing() throws Exception {
        Files.writeString(dir.resolve("Shop.java"), """
                public class Shop extends io.carga.core.api.User {
                    @io.carga.core.api.Task void buy() { request("POST /cart").tag("tier", "checkout").tag("region", "sul"); }
                }
                """);
        assertThat(warnings("""
                version: 1
                scenarios:
                  shop: {file: Shop.java}
                tiers:
                  by_tag: {tags: {tier: check*}}
                  sql: {tags: {type: sql}}
                  named: {names: ["GET /x*"]}
                response_times:
                  checkout: "< 500ms p95"
                  by_tag: "< 1s p95"
                  named: "< 1s p95"
                  sql: "< 100ms p95"
                  payments: "< 1s p95"
                thresholds:
                  - "error_rate{region=sul} < 1%"
                  - {threshold: "error_rate{region=norte} < 1%"}
                alerting_rules:
                  - {name: Slow payments, condition: "p95{tier=payments} > 1s"}
                """)).containsExactly(
                "carga.yaml:12:8: warning: threshold p95{tier=sql} < 100ms matches no request: tier sql (line 6) needs the tag type=sql,"
                        + " which no scenario sets" + TAGS_HINT,
                "carga.yaml:13:13: warning: threshold p95{tier=payments} < 1s matches no request: tiers: does not define payments"
                        + " and no scenario tags a request tier=payments" + TAGS_HINT,
                "carga.yaml:16:17: warning: threshold error_rate{region=norte} < 1% matches no request: no scenario sets the tag region=norte" + TAGS_HINT,
                "carga.yaml:18:38: warning: alert Slow payments (p95{tier=payments} > 1s) matches no request: tiers: does not define payments"
                        + " and no scenario tags a request tier=payments" + TAGS_HINT);
    }

    @Test
    void whenAScenariosCodeCannotBeReadNothingIsSaidOfScopes() throws Exception {
        assertThat(warnings("""
                version: 1
                scenarios:
                  gone: {class: com.example.NotOnTheClasspath}
                response_times:
                  payments: "< 1s p95"
                """)).isEmpty();
    }

    @Test
    void theStarterWarnsOfTheSpecsOwnContradictionsAndStillPasses() throws Exception {
        Path file = dir.resolve("carga.yaml");
        Files.writeString(file, InitCommand.starter());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("plan", "check", file.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isZero();
        // The spec's own contradictions: its 4-hour runs against its 2-hour auto_shutdown, its pipeline
        // against its off-peak window, its AI floor against its AI rate limit; and its database SLA,
        // floor and alert, which the starter's HTTP journeys (no SQL) cannot feed.
        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "carga.yaml:50:21: warning: threshold p95{tier=database_queries} < 100ms matches no request: tier database_queries (line 40)"
                        + " needs the tag tier=database_queries, which no scenario sets" + TAGS_HINT,
                "carga.yaml:60:27: warning: throughput floor ai_requests_per_minute (rps{tier=ai_requests} >= 16.667/s) wants 1000/min AI"
                        + " requests but cost_controls.ai_rate_limits (line 91) holds every AI client to 100/min: the floor can never pass",
                "carga.yaml:61:26: warning: throughput floor database_transactions (rps{tier=database_transactions} >= 33.333/s) matches no"
                        + " request: tiers: does not define database_transactions and no scenario tags a request tier=database_transactions" + TAGS_HINT,
                "carga.yaml:97:17: warning: stage monthly_full runs 4h but cost_controls.auto_shutdown (line 87) stops every run after 2h:"
                        + " it would be cut short",
                "carga.yaml:115:16: warning: alert Database Slow Queries (query_time{tier=database_queries} > 500ms) matches no request:"
                        + " tier database_queries (line 40) needs the tag tier=database_queries, which no scenario sets" + TAGS_HINT,
                "carga.yaml:140:7: warning: the stages of trigger daily take 5h35m (5m + 30m + 1h + 4h) but the window 02:00–06:00 UTC-03:00"
                        + " (cost_controls.scheduled_testing, line 89) has from 03:00 on 3h",
                "carga.yaml:142:7: warning: the stages of trigger manual take 5h35m (5m + 30m + 1h + 4h) but the window 02:00–06:00 UTC-03:00"
                        + " (cost_controls.scheduled_testing, line 89) lasts 4h",
                "carga.yaml:161:17: warning: stage endurance_test runs 4h but cost_controls.auto_shutdown (line 87) stops every run after 2h:"
                        + " it would be cut short");
    }
}
