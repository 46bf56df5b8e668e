package io.carga.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai.routing=by_load}, the spec's rule (9.2) from the live user count, against the reference target:
 * users raised by stages through the three bands (moved to 3 and 6 users so a test can reach them), and the
 * per-band, per-model matrix summary.json and the report show.
 */
@Timeout(180)
class RoutingByLoadTest {
    @TempDir
    Path dir;

    @Test
    void flashUnderTheLowBandTheEightyTwentyMixBetweenAndFlashAgainAbove() throws Exception {
        Path scenario = Files.writeString(dir.resolve("Router.java"), """
                import io.carga.ai.AiClient;
                import io.carga.core.api.*;

                public class Router extends User {
                    AiClient ai;
                    public WaitTime waitTime() { return WaitTime.constant(0.1); }
                    public void onStart() { ai = AiClient.of(this); }
                    @Task void ask() { ai.rotating().prompt("Gere ideias de promoção").maxTokens(20).send(); }
                    public void onStop() { ai.close(); }
                }
                """);
        Path out = dir.resolve("out");
        int code;
        try (PlatformSim sim = PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(0.02).quotaScale(0)
                .passwordIterations(1000).seed(new Seeder.Plan(10, 10, 0, 0)).build())) {
            code = Main.execute("run", scenario.toString(), "--target", sim.baseUrl(), "--stages", "1s:2,5s:2,1s:4,6s:4,1s:8,5s:8",
                    "--out", out.toString(), "-q", "-P", "ai.routing=by_load", "-P", "ai.routing.bands=3,6", "--seed", "7");
        }
        assertThat(code).isIn(0, 4);
        JsonNode bands = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/ai/load_bands");
        assertThat(bands.fieldNames()).toIterable().containsExactlyInAnyOrder("<3", "3-5", "6+");
        // a request is booked in the band of the users when it ends: one routed just before a stage crossed the
        // band's edge may land beside it, so the outer bands are Flash but for such a request or two
        for (String outer : new String[] {"<3", "6+"}) {
            assertThat(bands.path(outer).has("gemini-2.5-flash")).as(outer).isTrue();
            assertThat(bands.path(outer).path("gpt-3.5-turbo").path("share").asDouble(0)).as(outer).isLessThan(0.1);
        }
        JsonNode mid = bands.path("3-5");
        assertThat(mid.fieldNames()).toIterable().containsExactlyInAnyOrder("gemini-2.5-flash", "gpt-3.5-turbo");
        long n = mid.at("/gemini-2.5-flash/count").asLong() + mid.at("/gpt-3.5-turbo/count").asLong();
        assertThat(n).as("enough requests to see the mix").isGreaterThan(40);
        assertThat(mid.at("/gpt-3.5-turbo/share").asDouble()).as("20 %% of the middle band to GPT-3.5").isBetween(0.07, 0.4);
        assertThat(mid.at("/gpt-3.5-turbo/cost_per_request_brl").asDouble())
                .as("GPT-3.5 costs twice Flash a token").isGreaterThan(mid.at("/gemini-2.5-flash/cost_per_request_brl").asDouble());
        assertThat(mid.at("/gemini-2.5-flash/latency_p95_ms").asDouble()).isPositive();
        org.junit.jupiter.api.Assumptions.assumeTrue(io.carga.report.html.HeadlessChromium.available(), "no chromium and chromium-driver");
        try (io.carga.report.html.HeadlessChromium chromium = io.carga.report.html.HeadlessChromium.start(dir)) {
            assertThat(chromium.open(out.resolve("report.html"))).as("%s", chromium.problems()).isTrue();
            assertThat(chromium.problems()).isEmpty();
            var rows = chromium.driver().findElements(org.openqa.selenium.By.cssSelector("#load-band-matrix tbody tr"));
            assertThat(rows).as("one row per band and model").hasSizeBetween(4, 6);
            assertThat(chromium.driver().findElement(org.openqa.selenium.By.id("load-band-matrix")).getText())
                    .contains("3-5", "gpt-3.5-turbo", "R$");
        }
    }
}
