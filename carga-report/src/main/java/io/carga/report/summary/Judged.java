package io.carga.report.summary;

import io.carga.core.threshold.AlertEvent;
import io.carga.core.threshold.Verdict;
import java.util.List;

/**
 * What judged a run, for summary.json: its threshold verdicts, its alerts' state changes, and whether the
 * plan accepts a stop at the maximum duration before the planned end.
 */
public record Judged(List<Verdict> verdicts, List<AlertEvent> alerts, boolean cutAccepted) {
    /** A run without a plan: nothing judged it, and a cut-short run is not accepted. */
    public static final Judged NONE = new Judged(List.of(), List.of(), false);

    public Judged {
        verdicts = List.copyOf(verdicts);
        alerts = List.copyOf(alerts);
    }
}
