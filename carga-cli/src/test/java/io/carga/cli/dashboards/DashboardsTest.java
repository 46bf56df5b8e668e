package io.carga.cli.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.carga.cli.Main;
import io.carga.observe.dashboards.Dashboards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard resources as data: JSON, titles, ids, the run_id variable, PromQL that parses; and what the command writes. */
@Timeout(60)
class DashboardsTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;

    @Test
    void theFiveDashboardsAreJsonWithUniquePanelIdsAndARunIdVariable() throws Exception {
        Set<String> titles = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (String file : Dashboards.FILES) {
            JsonNode d = DashboardExprs.read(file);
            titles.add(d.path("title").asText());
            assertThat(uids.add(d.path("uid").asText())).as(file + " uid").isTrue();
            Set<Integer> ids = new HashSet<>();
            assertThat(d.path("panels")).as(file).isNotEmpty();
            for (JsonNode p : d.path("panels")) {
                assertThat(ids.add(p.path("id").asInt())).as(file + " panel id " + p.path("id")).isTrue();
                assertThat(p.path("datasource").path("uid").asText()).isEqualTo(Dashboards.DATASOURCE_UID);
                assertThat(p.path("targets")).as(file + " " + p.path("title")).isNotEmpty();
                boolean target = p.path("title").asText().startsWith("Target:");
                boolean carga = p.path("title").asText().startsWith("carga:");
                assertThat(target || carga).as("a panel says whose view it is: " + p.path("title")).isTrue();
                for (JsonNode t : p.path("targets")) {
                    String expr = t.path("expr").asText();
                    if (carga) {
                        assertThat(expr).as("carga's series are filtered by the run: " + p.path("title"))
                                .contains("group_left(run_id) carga_run_info{run_id=~\"$run_id\"}");
                    }
                    if (expr.contains("histogram_quantile")) {
                        assertThat(p.path("title").asText()).as("percentiles from buckets are labelled").contains("estimate");
                        assertThat(p.path("description").asText()).contains("bucket error").contains("exact HdrHistogram");
                    }
                }
            }
            JsonNode vars = d.at("/templating/list");
            assertThat(vars).hasSize(1);
            assertThat(vars.get(0).path("name").asText()).isEqualTo("run_id");
            assertThat(vars.get(0).at("/query/query").asText()).isEqualTo("label_values(carga_run_info, run_id)");
            assertThat(vars.get(0).path("definition").asText()).isEqualTo("label_values(carga_run_info, run_id)");
            String text = Dashboards.resource(file);
            Matcher m = Pattern.compile("\\$\\{?[A-Za-z_]+").matcher(text);
            while (m.find()) {
                assertThat(DashboardExprs.VARIABLES).as(file + " uses only the four variables").contains(m.group().replace("{", ""));
            }
            boolean targetSide = false;
            boolean cargaSide = false;
            for (JsonNode p : d.path("panels")) {
                targetSide |= p.path("title").asText().startsWith("Target:");
                cargaSide |= p.path("title").asText().startsWith("carga:");
            }
            assertThat(targetSide && cargaSide).as(file + " puts the target's metrics beside carga's").isTrue();
        }
        assertThat(titles).containsExactlyInAnyOrder("API Performance", "Database Performance", "AI Model Performance",
                "Cost Tracking", "User Experience Metrics");
    }

    @Test
    void everyPanelExpressionParsesAsPromql() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed");
        List<DashboardExprs.Expr> exprs = DashboardExprs.all();
        assertThat(exprs).hasSizeGreaterThan(40);
        // promtool checks rule files' expressions with Prometheus's own parser: one recording rule per target.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int i = 0;
        for (DashboardExprs.Expr e : exprs) {
            String promql = DashboardExprs.fill(e.promql(), "some-run", "15s", "5s", "1h");
            assertThat(promql).as(e.where()).doesNotContain("$");
            rules.append("      - record: dashboard:expr_").append(i++).append('\n')
                    .append("        expr: ").append(new ObjectMapper().writeValueAsString(promql)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("rules.yml"), rules);
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS: " + exprs.size() + " rules found");
    }

    @Test
    void theCommandWritesDashboardsAndProvisioning() throws Exception {
        Path out = dir.resolve("grafana");
        assertThat(Main.execute("dashboards", "--out", out.toString(), "--prometheus", "http://prom.example:9090")).isZero();

        for (String file : Dashboards.FILES) {
            assertThat(Files.readString(out.resolve("dashboards").resolve(file))).isEqualTo(Dashboards.resource(file));
        }
        YAMLMapper yaml = new YAMLMapper();
        JsonNode providers = yaml.readTree(out.resolve("provisioning/dashboards/carga.yaml").toFile());
        assertThat(providers.at("/providers/0/type").asText()).isEqualTo("file");
        assertThat(Path.of(providers.at("/providers/0/options/path").asText())).isEqualTo(out.resolve("dashboards").toAbsolutePath());
        JsonNode ds = yaml.readTree(out.resolve("provisioning/datasources/prometheus.yaml").toFile());
        assertThat(ds.at("/datasources/0/type").asText()).isEqualTo("prometheus");
        assertThat(ds.at("/datasources/0/uid").asText()).isEqualTo(Dashboards.DATASOURCE_UID);
        assertThat(ds.at("/datasources/0/url").asText()).isEqualTo("http://prom.example:9090");

        Path byDefault = dir.resolve("default");
        assertThat(Main.execute("dashboards", "--out", byDefault.toString())).isZero();
        assertThat(yaml.readTree(byDefault.resolve("provisioning/datasources/prometheus.yaml").toFile()).at("/datasources/0/url").asText())
                .isEqualTo("http://127.0.0.1:9090");
        assertThat(Main.execute("dashboards", "--out", dir.resolve("bad").toString(), "--prometheus", "not a url")).isEqualTo(2);
    }
}
