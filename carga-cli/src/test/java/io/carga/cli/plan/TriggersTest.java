package io.carga.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** The pipeline's triggers: read from the spec's prose, turned into cron in UTC, mapped to stages. */
class TriggersTest {
    static String cron(String trigger) {
        return HumanText.trigger(trigger).cron();
    }

    @Test
    void aTimeOfDayBecomesCronInUtc() {
        assertThat(cron("daily: 3:00 AM UTC-3")).isEqualTo("0 6 * * *");
        assertThat(cron("daily: 11:30 PM UTC-3")).isEqualTo("30 2 * * *");   // past midnight in UTC
        assertThat(cron("daily: 3:00 AM UTC+5:30")).isEqualTo("30 21 * * *"); // the day before in UTC
        assertThat(cron("nightly: 23:15 UTC")).isEqualTo("15 23 * * *");
        assertThat(cron("early: 4am")).isEqualTo("0 4 * * *");
        assertThat(cron("noon: 12:00 PM UTC-03:00")).isEqualTo("0 15 * * *");
    }

    @Test
    void aWeekdayMovesWithTheConversion() {
        Trigger t = HumanText.trigger("weekly: Sunday 11:00 PM UTC-3");
        assertThat(t.day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(t.cron()).isEqualTo("0 2 * * 1");                                  // Monday 02:00 UTC
        assertThat(cron("weekly: Mon 1:00 AM UTC+2")).isEqualTo("0 23 * * 0");          // Sunday 23:00 UTC
        assertThat(cron("weekly: Fridays 3:00 AM UTC-3")).isEqualTo("0 6 * * 5");
    }

    @Test
    void mergesAndPeople() {
        assertThat(HumanText.trigger("pre_deploy: on PR merge")).satisfies(t -> {
            assertThat(t.name()).isEqualTo("pre_deploy");
            assertThat(t.event()).isEqualTo(Trigger.Event.MERGE);
        });
        assertThat(HumanText.trigger("release: on push to main").event()).isEqualTo(Trigger.Event.MERGE);
        assertThat(HumanText.trigger("manual: on demand").event()).isEqualTo(Trigger.Event.MANUAL);
        assertThat(HumanText.trigger("manual").event()).isEqualTo(Trigger.Event.MANUAL);
    }

    @Test
    void whatCannotBeAScheduleIsAnErrorAtItsLineAndColumn() {
        assertThatThrownBy(() -> PlanLoaderTest.load("""
                version: 1
                pipeline:
                  triggers:
                    - "daily: 3:00 AM UTC-3"
                    - "sometimes: when it rains"
                    - "weekly: 3:00 AM UTC-3"
                    - "hourly: 25:00"
                  test_stages:
                    smoke: {duration: 1s, users: 1, triggers: [daily, dialy]}
                """)).isInstanceOf(PlanException.class).hasMessage(String.join("\n",
                "carga.yaml:5:7: cannot tell when trigger 'sometimes' fires from 'when it rains' (expected a time of day such as"
                        + " \"3:00 AM UTC-3\", \"on PR merge\" or \"on demand\")",
                "carga.yaml:6:7: trigger 'weekly' runs weekly or monthly but names no weekday (carga reads a daily time, or a weekday"
                        + " and a time: \"weekly: Sunday 3:00 AM UTC-3\")",
                "carga.yaml:7:7: hour 25 does not exist",
                "carga.yaml:9:55: unknown trigger 'dialy' (did you mean 'daily'?)"));
    }

    @Test
    void aStageWithoutTriggersRunsOnEveryOne() {
        Plan p = PlanLoaderTest.load("""
                version: 1
                pipeline:
                  triggers: ["nightly: 3:00 AM UTC-3", "merge: on PR merge", "manual"]
                  test_stages:
                    smoke: {duration: 1s, users: 1}
                    soak: {duration: 1s, users: 1, triggers: [nightly, manual]}
                    gate: {duration: 1s, users: 1, triggers: [merge]}
                test_schedule:
                  monthly_full: "4 hours, 10 users"
                """);
        assertThat(p.pipeline("nightly")).extracting(Plan.Stage::name).containsExactly("smoke", "soak");
        assertThat(p.pipeline("merge")).extracting(Plan.Stage::name).containsExactly("smoke", "gate");
        assertThat(p.pipeline("manual")).extracting(Plan.Stage::name).containsExactly("smoke", "soak");
        assertThat(p.pipeline(null)).extracting(Plan.Stage::name).containsExactly("smoke", "soak", "gate");
    }
}
