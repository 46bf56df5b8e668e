package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusRulesTest {
    @Test
    void theSpecsAlertRulesInPromQL() throws Exception {
        String rules = PrometheusRules.render(PlanLoaderTest.load(InitCommand.starter()));
        assertThat(rules).contains("- alert: HighResponseTime",
                "expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m]))) > 1'",
                "for: 5m", "severity: 'warning'",
                "expr: 'sum(increase(cost_per_ai_request_sum[1h])) > 50'",
                "expr: 'histogram_quantile(1, sum by (le) (rate(database_query_duration_seconds_bucket[1m]))) > 0.5'");
    }

    @Test
    void tiersBecomeTheLabelsTheirMetricHas() throws Exception {
        String rules = PrometheusRules.render(PlanLoaderTest.load(InitCommand.starter().replace("alerting_rules:\n", """
                alerting_rules:
                  - name: "Slow webhook"
                    condition: "p95{tier=whatsapp_webhook} > 200ms"
                  - name: "Slow database"
                    condition: "p95{tier=database_queries} > 100ms"
                  - name: "Unmapped"
                    condition: "p95{tier=api_endpoints} > 500ms"
                """)));
        assertThat(rules).contains(
                "rate(http_request_duration_seconds_bucket{method=\"POST\",route=\"/webhooks/whatsapp\"}[1m])",
                // the database tier is its own metric, whatever the expression's metric
                "histogram_quantile(0.95, sum by (le) (rate(database_query_duration_seconds_bucket[1m]))) > 0.1",
                "rate(http_request_duration_seconds_bucket{tier=\"api_endpoints\"}[1m])");
    }

    /** Runs promtool when it is installed (Debian: apt-get install prometheus); skipped only when absent. */
    @Test
    void promtoolAcceptsTheExport(@TempDir Path dir) throws Exception {
        Path promtool = java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(promtool != null, "promtool is not installed");
        Path file = dir.resolve("rules.yml");
        String plan = InitCommand.starter().replace("alerting_rules:\n", """
                alerting_rules:
                  - name: "Scoped error rate"
                    condition: "error_rate{tier=api_endpoints, model=gemini-*} > 5% for 2m"
                  - name: "Mean"
                    condition: "mean > 300ms"
                    window: 30s
                """);
        Files.writeString(file, PrometheusRules.render(PlanLoaderTest.load(plan)));
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS: 5 rules found");
    }
}
