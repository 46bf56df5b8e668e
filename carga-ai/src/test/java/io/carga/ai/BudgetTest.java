package io.carga.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.ai.budget.Budget;
import io.carga.ai.budget.BudgetGuard;
import io.carga.ai.budget.SpendWindow;
import io.carga.ai.limit.AiRateLimiter;
import io.carga.core.event.Outcome;
import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.SeriesInterval;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.output.RunInfo;
import io.carga.core.output.StopReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The budget's actions (alert, warn, ramp down, stop) on per-test and per-hour limits, on a made-up clock. */
class BudgetTest {
    private static final long S = 1_000_000_000L;

    private static IntervalSnapshot costInterval(long i, double cost) {
        SeriesInterval si = new SeriesInterval(SeriesKey.of("ai"), Histograms.newHistogram(), Histograms.newHistogram(),
                new long[Outcome.values().length], 0, 0, Map.of(AiFields.COST, cost));
        return new IntervalSnapshot(i, i * 1000, i * 1000 + 1000, i + 1, 1, 0, List.of(si), CustomInterval.EMPTY,
                new GeneratorSample(0, Histograms.newHistogram(), 0, 0, 0));
    }

    /** A guard on {@code budget}, with its console and the stop it asked for ({@code "REASON: cause"}). */
    private static final class Watched {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final AtomicReference<String> stopped = new AtomicReference<>();
        final BudgetGuard guard;

        Watched(Budget budget) {
            guard = new BudgetGuard(budget, new PrintStream(console, true));
            guard.start(new RunInfo("r", 0, null, (reason, cause) -> stopped.set(reason + ": " + cause)));
        }

        String console() {
            return console.toString();
        }
    }

    @Test
    void budgetGuardAlertsThenStops() {
        Watched w = new Watched(new Budget(1.0, Double.NaN, Budget.Action.STOP));
        w.guard.interval(costInterval(0, 0.5));
        assertThat(w.console()).isEmpty();
        w.guard.interval(costInterval(1, 0.35));
        assertThat(w.console()).contains("BUDGET ALERT").contains("85%");
        assertThat(w.stopped.get()).isNull();
        w.guard.interval(costInterval(2, 0.2));
        assertThat(w.stopped.get()).startsWith(StopReason.BUDGET + ": stopped by budget").contains("per-test limit R$ 1.00");
        assertThat(w.guard.status()).isEqualTo("stopped");
    }

    @Test
    void budgetGuardWarnGoesOnAndHourWindowSlides() {
        Watched w = new Watched(new Budget(Double.NaN, 1.0, Budget.Action.WARN));
        w.guard.interval(costInterval(0, 0.7));
        w.guard.interval(costInterval(3600, 0.7)); // the first left the hour
        assertThat(w.console()).doesNotContain("WARNING");
        w.guard.interval(costInterval(3601, 0.4));
        assertThat(w.console()).contains("BUDGET WARNING").contains("per-hour");
        assertThat(w.stopped.get()).isNull();
    }

    @Test
    void thePerHourLimitCountsTheInstancesAndThePerDayOneTheDaysEarlierRuns() {
        // instances at R$ 36 an hour are R$ 0.01 a second: with no AI, a R$ 0.045 hourly peak is passed in the 5th second
        Watched hourly = new Watched(new Budget(Double.NaN, 0.045, Double.NaN, 0, Budget.Action.STOP, Budget.Optimize.SPEC, 36));
        for (int i = 0; i < 4; i++) {
            hourly.guard.interval(costInterval(i, 0));
        }
        assertThat(hourly.stopped.get()).isNull();
        assertThat(hourly.console()).contains("BUDGET ALERT").contains("AI and instance cost R$ 0.04");
        hourly.guard.interval(costInterval(4, 0));
        assertThat(hourly.stopped.get()).contains("AI and instance cost R$ 0.05 in the last hour", "per-hour limit R$ 0.045");

        // R$ 9.50 spent earlier today, R$ 10 a day: R$ 0.50 of AI is all this run gets
        Watched daily = new Watched(new Budget(Double.NaN, Double.NaN, 10, 9.5, Budget.Action.STOP, Budget.Optimize.SPEC, 0));
        daily.guard.interval(costInterval(0, 0.3));
        assertThat(daily.stopped.get()).isNull();
        daily.guard.interval(costInterval(1, 0.2));
        assertThat(daily.stopped.get()).contains("AI cost R$ 10.00 today (R$ 9.50 of earlier runs)", "daily limit R$ 10.00");
    }

    @Test
    void spendWindowKeepsTheLastHourOnly() {
        SpendWindow w = SpendWindow.hour();
        w.add(10 * S, 1.0);
        w.add(1800 * S, 2.0);
        assertThat(w.sum(3609 * S)).isCloseTo(3.0, Offset.offset(1e-9));
        assertThat(w.sum(3612 * S)).as("the first spend left the hour").isCloseTo(2.0, Offset.offset(1e-9));
        assertThat(w.sum(100_000 * S)).as("after a long pause nothing is left").isZero();
        assertThat(w.peak()).isCloseTo(3.0, Offset.offset(1e-9));
        // a late booking (clock read before another thread advanced the window) is not lost
        w.add(99_999 * S, 0.5);
        assertThat(w.sum(100_000 * S)).isCloseTo(0.5, Offset.offset(1e-9));
    }

    @Test
    void shareIsTheFurthestLimit() {
        Budget both = new Budget(10, 2, Budget.Action.WARN);
        assertThat(both.share(5, 1)).isEqualTo(0.5);
        assertThat(both.share(5, 3)).isEqualTo(1.5);
        assertThat(new Budget(Double.NaN, 2, Budget.Action.WARN).share(1_000, 1)).isEqualTo(0.5);
        assertThat(new Budget(10, Double.NaN, Budget.Action.WARN).share(5, 1_000)).isEqualTo(0.5);
    }

    private static AiSettings rampDown(double perTest, double perHour) {
        return AiSettings.builder().budget(new Budget(perTest, perHour, Budget.Action.RAMP_DOWN)).build();
    }

    /** {@code n} requests 100 ms apart from {@code from}, each costing {@code brl}; returns the time after them. */
    private static long spendSteadily(AiSettings s, long from, int n, double brl) {
        long t = from;
        for (int i = 0; i < n; i++) {
            if (s.firstNanos == 0) {
                s.firstNanos = t;
            }
            s.requests.increment();
            s.spend(t, brl);
            t += S / 10;
        }
        return t;
    }

    // 1/16: sums of it are exact in binary, so "at the limit" is exactly 1.0
    private static final double SIXTEENTH = 0.0625;

    @Test
    void rampDownActsOnAPerHourLimitAlone() {
        AiSettings s = rampDown(Double.NaN, 1.0);
        long t = spendSteadily(s, 5 * S, 15, SIXTEENTH); // R$ 0.9375 within the hour: under the limit
        assertThat(s.rampDown(t)).isNull();
        t = spendSteadily(s, t, 1, SIXTEENTH);            // R$ 1.00: the limit
        AiRateLimiter ramp = s.rampDown(t);
        assertThat(ramp).as("a per-hour limit alone ramps down").isNotNull();
        assertThat(ramp.factor()).isEqualTo(0.5);
        // half of the 10/s seen so far: one admission every 200 ms
        long first = ramp.reserve(t + S);
        assertThat(ramp.reserve(t + S) - first).isBetween(190_000_000L, 210_000_000L);
        t = spendSteadily(s, t, 2, SIXTEENTH);            // R$ 1.125: more than 10 % over, halved again
        assertThat(s.rampDown(t).factor()).isEqualTo(0.25);
        assertThat(s.rampFactor()).isEqualTo(0.25);
        // an hour later the window is empty, and the rate stays down (no oscillation)
        assertThat(s.rampDown(t + 3700 * S).factor()).isEqualTo(0.25);
    }

    @Test
    void rampDownActsOnAPerTestLimit() {
        AiSettings s = rampDown(0.5, Double.NaN);
        long t = spendSteadily(s, 5 * S, 7, SIXTEENTH);
        assertThat(s.rampDown(t)).isNull();
        t = spendSteadily(s, t, 1, SIXTEENTH);
        assertThat(s.rampDown(t).factor()).isEqualTo(0.5);
        assertThat(s.hourPeakBrl()).isEqualTo(0.5);
    }

    @Test
    void rampDownSlowsAConfiguredRateLimitInstead() {
        AiRateLimiter limit = AiRateLimiter.perMinute(600, 1);
        AiSettings s = AiSettings.builder().rateLimit(limit).budget(new Budget(Double.NaN, 0.125, Budget.Action.RAMP_DOWN)).build();
        long t = spendSteadily(s, 5 * S, 2, SIXTEENTH);
        assertThat(s.rampDown(t)).isSameAs(limit);
        assertThat(limit.factor()).isEqualTo(0.5);
    }

    @Test
    void otherActionsDoNotThrottle() {
        for (Budget.Action a : List.of(Budget.Action.WARN, Budget.Action.STOP)) {
            AiSettings s = AiSettings.builder().budget(new Budget(0.01, 0.01, a)).build();
            long t = spendSteadily(s, 5 * S, 10, 1.0);
            assertThat(s.rampDown(t)).as(a.name()).isNull();
        }
    }

    @Test
    void budgetGuardNotesTheRampDownOnAPerHourLimit() {
        Watched w = new Watched(new Budget(Double.NaN, 1.0, Budget.Action.RAMP_DOWN));
        w.guard.interval(costInterval(0, 0.85));
        assertThat(w.console()).contains("BUDGET ALERT").contains("per-hour");
        w.guard.interval(costInterval(1, 0.2));
        assertThat(w.console()).contains("action: ramp-down");
        assertThat(w.guard.status()).isEqualTo("ramping_down");
        assertThat(w.stopped.get()).as("ramp-down does not stop the run").isNull();
    }

    @Test
    void aJumpPastTheLimitStillAlertsFirstAndSmallAmountsStayReadable() {
        Watched w = new Watched(new Budget(0.0008, Double.NaN, Budget.Action.STOP));
        w.guard.interval(costInterval(0, 0.00111));
        List<String> lines = w.console().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("BUDGET ALERT: AI cost R$ 0.00111 reached 139% of the per-test limit R$ 0.0008");
        assertThat(lines.get(1)).startsWith("BUDGET: ").endsWith("(action: stop)");
    }
}
