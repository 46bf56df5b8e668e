package io.carga.pgbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.metrics.CustomInterval;
import io.carga.core.metrics.GeneratorSample;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.output.RunResult;
import io.carga.core.output.StopReason;
import io.carga.pgbench.run.Bench;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** carga db's exit status follows carga's table, with pgbench's 2 for an aborted client first. */
class ExitStatusTest {

    private static Bench.Result ended(int benchExit, StopReason reason, RunAggregate a) {
        return new Bench.Result(benchExit, new RunResult(reason, null, 0, a));
    }

    private static Bench.Result ended(StopReason reason) {
        return ended(0, reason, new RunAggregate());
    }

    /** Three seconds with the client process using the whole machine: carga's "generator saturated". */
    private static RunAggregate saturated() {
        RunAggregate a = new RunAggregate();
        for (int i = 0; i < RunAggregate.SATURATED_INTERVALS; i++) {
            a.add(new IntervalSnapshot(i, i * 1000L, (i + 1) * 1000L, i + 1, 8, 0, List.of(), CustomInterval.EMPTY,
                    new GeneratorSample(1.0, new Histogram(3), 0, 0, 0)));
        }
        return a;
    }

    @Test
    void eachWayARunEndsHasItsStatus() {
        assertThat(DbCommand.exitStatus(ended(StopReason.COMPLETED), false)).isZero();
        assertThat(DbCommand.exitStatus(ended(StopReason.MAX_DURATION), false)).isZero();
        assertThat(DbCommand.exitStatus(ended(StopReason.COMPLETED), true)).isEqualTo(1);
        assertThat(DbCommand.exitStatus(ended(StopReason.ABORTED), true)).isEqualTo(3);
        assertThat(DbCommand.exitStatus(ended(0, StopReason.COMPLETED, saturated()), true)).isEqualTo(4);
        assertThat(DbCommand.exitStatus(ended(StopReason.SIGNAL), true)).isEqualTo(130);
        assertThat(DbCommand.exitStatus(ended(Bench.EXIT_ABORTED, StopReason.SIGNAL, new RunAggregate()), true))
                .as("a client aborted on an SQL error: pgbench's status").isEqualTo(2);
    }
}
