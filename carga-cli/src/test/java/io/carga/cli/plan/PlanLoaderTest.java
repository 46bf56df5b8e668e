package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanLoaderTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Plan load(String text) {
        return new PlanLoader(Map.of("PLATFORM_TOKEN", "s3cr3t-token")::get, MetricRegistry.builtIn()).load(text, Path.of("carga.yaml"));
    }

    /** The starter plan with its journeys swapped for a user that needs no network. */
    static String specPlan() throws Exception {
        return InitCommand.starter().replaceAll("io\\.carga\\.examples\\.\\w+", JourneyUser.class.getName());
    }

    @Test
    void theSpecsStrategyIsAPlan() throws Exception {
        Plan p = load(InitCommand.starter());
        assertThat(p.thresholds()).extracting(t -> t.group() + " " + t.expression().label()).contains(
                "response_times p95{tier=gemini_flash_requests} < 800ms", "response_times p95{tier=api_endpoints} < 500ms",
                "response_times p95{tier=database_queries} < 100ms", "response_times p95{tier=file_uploads} < 2s",
                "response_times p95{tier=whatsapp_webhook} < 200ms", "thresholds error_rate < 5%",
                "resource_efficiency cost_per_user_per_month < R$ 12.00");
        assertThat(p.thresholds()).filteredOn(Threshold::abortOnFail).singleElement()
                .satisfies(t -> assertThat(t.abortDelay()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(p.floors()).extracting(t -> t.expression().label()).containsExactly("users >= 1000", "rps >= 500/s",
                "rps{tier=ai_requests} >= 16.667/s", "rps{tier=database_transactions} >= 33.333/s");
        assertThat(p.stages().keySet()).containsExactly("smoke_test", "load_test", "stress_test", "endurance_test",
                "daily_quick", "weekly_medium", "monthly_full", "pre_release");
        assertThat(p.stage("smoke")).satisfies(s -> {
            assertThat(s.duration()).isEqualTo(Duration.ofMinutes(5));
            assertThat(s.users()).isEqualTo(10);
            assertThat(s.scenarios()).containsExactly("basic_api", "auth_flow");
        });
        assertThat(p.stage("endurance_test").duration()).isEqualTo(Duration.ofHours(4));
        assertThat(p.stage("daily_quick")).satisfies(s -> assertThat(s.users()).isEqualTo(50));
        assertThat(p.alerts()).extracting(a -> a.name() + ": " + a.condition().label() + " for " + a.forDuration() + " over " + a.window())
                .containsExactly("High Response Time: p95 > 1s for PT5M over PT1M",
                        "AI Cost Spike: ai_cost > R$ 50.00 for PT0S over PT1H",
                        "Database Slow Queries: query_time{tier=database_queries} > 500ms for PT0S over PT1M");
        assertThat(p.controls().maxDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(p.controls().window().from()).isEqualTo(LocalTime.of(2, 0));
        assertThat(p.controls().window().to()).isEqualTo(LocalTime.of(6, 0));
        assertThat(p.controls().window().contains(Instant.parse("2025-01-01T06:30:00Z"))).isTrue();   // 03:30 UTC-3
        assertThat(p.controls().window().contains(Instant.parse("2025-01-01T12:00:00Z"))).isFalse();
        assertThat(p.controls().aiRatePerSecond()).isCloseTo(100 / 60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.scalingTargets()).containsEntry("month_24", 5000);
        assertThat(p.triggers()).hasSize(3);
        assertThat(p.adaptive()).isEqualTo(Plan.Adaptive.SPEC);
    }

    @Test
    void secretsComeFromTheEnvironmentAndAreNeverPrinted() {
        Plan p = load("version: 1\nproperties:\n  http.header.Authorization: \"Bearer ${env:PLATFORM_TOKEN}\"\n");
        assertThat(p.properties()).containsEntry("http.header.Authorization", "Bearer s3cr3t-token");
        assertThat(p.redact("header Bearer s3cr3t-token")).isEqualTo("header Bearer ***");
        assertThatThrownBy(() -> load("version: 1\ntarget: \"http://u:${PLATFORM_TOKEN}@host\"\n"))
                .hasMessageContaining("carga.yaml:2:9: target may not hold a secret").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void thePublishedSchemaIsTheOneCheckedOnLoad() throws Exception {
        assertThat(Files.readString(ROOT.resolve("docs/carga-plan.schema.json"))).isEqualTo(SchemaCheck.schemaText());
    }

    @Test
    void unknownStagesGetASuggestion() throws Exception {
        Plan p = load(InitCommand.starter());
        assertThatThrownBy(() -> PlanRun.stage(p, "smok_test")).hasMessageContaining("did you mean 'smoke_test'?");
    }

    @Test
    void theAdaptiveRule() {
        assertThat(Adaptive.advise(Plan.Adaptive.SPEC, 0.2, 100).action()).isEqualTo(Adaptive.INCREASE_DURATION);
        assertThat(Adaptive.advise(Plan.Adaptive.SPEC, 0.01, 900).action()).isEqualTo(Adaptive.ADD_STRESS);
        assertThat(Adaptive.advise(Plan.Adaptive.SPEC, 0.01, 300).action()).isEqualTo(Adaptive.REDUCE_SCOPE);
    }

    @Test
    void humanText() {
        assertThat(HumanText.window("02:00-06:00 UTC-03:00").zone().getTotalSeconds()).isEqualTo(-3 * 3600);
        assertThat(HumanText.window("22:00–04:00").contains(Instant.parse("2025-01-01T23:00:00Z"))).isTrue();
        assertThat(HumanText.run("1 hour, 200 users")).isEqualTo(new HumanText.Run(Duration.ofHours(1), 200));
        assertThat(HumanText.ratePerSecond("2000/min")).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
        assertThat(HumanText.duration("Tests stop after 2 hours")).isEqualTo(Duration.ofHours(2));
    }
}
