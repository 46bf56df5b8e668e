package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a run's end maps to its exit code: one function for a run and for a rebuild of its folder. */
class ExitCodeTest {
    @Test
    void aBudgetStopHasItsOwnCodeApartFromAbortOnFail() {
        assertThat(ExitCode.of("BUDGET", false, false, false)).isEqualTo(ExitCode.BUDGET);
        assertThat(ExitCode.of("ABORTED", false, true, false)).isEqualTo(ExitCode.ABORTED);
        assertThat(ExitCode.BUDGET.code()).isNotEqualTo(ExitCode.ABORTED.code()).isEqualTo(5);
    }

    @Test
    void aStopAtTheMaximumDurationIsCutShortUnlessAccepted() {
        assertThat(ExitCode.of("MAX_DURATION", false, false, false)).isEqualTo(ExitCode.CUT_SHORT);
        assertThat(ExitCode.of("MAX_DURATION", false, false, true)).isEqualTo(ExitCode.OK);
        assertThat(ExitCode.of("MAX_DURATION", false, true, true)).isEqualTo(ExitCode.THRESHOLDS_FAILED);
    }

    @Test
    void theOrderOfPrecedence() {
        assertThat(ExitCode.of("COMPLETED", true, true, false)).as("saturated figures don't count").isEqualTo(ExitCode.INVALID_RUN);
        assertThat(ExitCode.of("COMPLETED", false, true, false)).isEqualTo(ExitCode.THRESHOLDS_FAILED);
        assertThat(ExitCode.of("COMPLETED", false, false, false)).isEqualTo(ExitCode.OK);
        assertThat(ExitCode.of("SIGNAL", true, true, false)).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(ExitCode.of(null, false, false, false)).as("a run that ended abruptly").isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void everyCodeIsDistinct() {
        assertThat(java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct().count()).isEqualTo(ExitCode.values().length);
    }
}
