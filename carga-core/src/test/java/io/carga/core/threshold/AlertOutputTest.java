package io.carga.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Tags;
import io.carga.core.threshold.Snapshots.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windowed alert rules driven by a fake clock: hours of "run" in a few milliseconds. */
class AlertOutputTest {
    private final ThresholdParser parser = new ThresholdParser(MetricRegistry.builtIn());
    private final List<AlertEvent> seen = new ArrayList<>();

    private AlertOutput output(AlertRule... rules) {
        return new AlertOutput(List.of(rules), Tiers.NONE, MetricRegistry.builtIn(), seen::add);
    }

    @Test
    void highResponseTimeFiresAfterHoldingFiveMinutesAndResolves() {
        AlertRule rule = new AlertRule("High Response Time", parser.parse("p95 > 1000ms"), Duration.ofMinutes(5),
                Duration.ofMinutes(1), "warning", "p95 > 1000ms for 5 minutes");
        AlertOutput out = output(rule);
        Snapshots clock = new Snapshots(1_000_000);
        for (int s = 0; s < 120; s++) {
            out.interval(clock.next(Traffic.of("GET /", 50, 200)));
        }
        assertThat(seen).isEmpty();
        long slowFrom = clock.nowMs();
        // Slow from now on. The 1-minute window's p95 passes 1000ms once more than 5% of it is slow (the
        // 4th slow second); the condition must then hold 5 minutes before the alert fires.
        for (int s = 0; s < 300; s++) {
            out.interval(clock.next(Traffic.of("GET /", 50, 1500)));
        }
        assertThat(seen).isEmpty();
        int extra = 0;
        while (seen.isEmpty() && extra++ < 10) {
            out.interval(clock.next(Traffic.of("GET /", 50, 1500)));
        }
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).state()).isEqualTo(AlertEvent.State.FIRING);
        assertThat(seen.get(0).atEpochMs() - slowFrom).isEqualTo(304_000);
        assertThat(seen.get(0).message()).contains("High Response Time", "[warning]", "now 1.5s");
        assertThat(out.firing()).containsExactly("High Response Time");
        // Fast again: the window still holds slow seconds until they are out of its last minute.
        int s = 0;
        while (seen.size() == 1 && s++ < 120) {
            out.interval(clock.next(Traffic.of("GET /", 50, 200)));
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).state()).isEqualTo(AlertEvent.State.RESOLVED);
        assertThat(s).isBetween(56, 60);
        assertThat(out.firing()).isEmpty();
    }

    @Test
    void aShortSpikeDoesNotFireARuleWithFor() {
        AlertRule rule = new AlertRule("High Response Time", parser.parse("p95 > 1000ms"), Duration.ofMinutes(5),
                Duration.ofSeconds(10), "warning", "p95 > 1000ms for 5 minutes");
        AlertOutput out = output(rule);
        Snapshots clock = new Snapshots(0);
        for (int s = 0; s < 600; s++) {
            boolean spike = (s / 120) % 2 == 1; // 2 slow minutes out of every 4
            out.interval(clock.next(Traffic.of("GET /", 20, spike ? 3000 : 100)));
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void hourlyCostSumsTheCostFieldOverAnHour() {
        AlertRule rule = new AlertRule("AI Cost Spike", parser.parse("cost > R$ 50"), Duration.ZERO,
                Duration.ofHours(1), "critical", "hourly_ai_cost > R$ 50");
        AlertOutput out = output(rule);
        Snapshots clock = new Snapshots(0);
        // R$ 0.01 per second: R$ 36 an hour, under the limit.
        for (int s = 0; s < 3600; s++) {
            out.interval(clock.next(Traffic.of("POST /ai", 1, 900).fields(Map.of("cost", 0.01))));
        }
        assertThat(seen).isEmpty();
        // Then R$ 0.10 a second: the last hour passes R$ 50 after about 155 seconds.
        int s = 0;
        while (seen.isEmpty() && s++ < 3600) {
            out.interval(clock.next(Traffic.of("POST /ai", 1, 900).fields(Map.of("cost", 0.10))));
        }
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlertEvent.State.FIRING);
            assertThat(e.value()).isGreaterThan(50);
        });
        assertThat(s).isBetween(150, 160);
    }

    @Test
    void slowQueriesFireAtOnceAndOnlyForTheirTier() {
        Tiers tiers = new Tiers(Map.of("database_queries", new Tiers.Tier(List.of("SELECT *"), Map.of())));
        AlertRule rule = new AlertRule("Database Slow Queries",
                parser.parse("query_time{tier=database_queries} > 500ms"), Duration.ZERO, Duration.ofSeconds(1),
                "warning", "query_time > 500ms");
        AlertOutput out = new AlertOutput(List.of(rule), tiers, MetricRegistry.builtIn(), seen::add);
        Snapshots clock = new Snapshots(0);
        out.interval(clock.next(Traffic.of("SELECT * FROM businesses", 10, 20), Traffic.of("POST /upload", 1, 4000)));
        assertThat(seen).isEmpty();
        out.interval(clock.next(Traffic.of("SELECT * FROM ai_generations", 10, 700).tagged(Tags.of("db", "main"))));
        assertThat(seen).extracting(AlertEvent::state).containsExactly(AlertEvent.State.FIRING);
        out.interval(clock.next(Traffic.of("SELECT * FROM businesses", 10, 20)));
        assertThat(seen).extracting(AlertEvent::state).containsExactly(AlertEvent.State.FIRING, AlertEvent.State.RESOLVED);
    }
}
