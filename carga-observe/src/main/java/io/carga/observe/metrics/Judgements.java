package io.carga.observe.metrics;

import io.carga.core.threshold.Verdict;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the live plane reads the verdicts' live state: the run's threshold output and alert output,
 * both updated on the interval thread before this plane's output sees the same interval (the CLI adds
 * them to the run first).
 *
 * @param thresholds each threshold judged on the run so far
 * @param alerts     every alert rule's name
 * @param firing     the names of the rules firing now
 */
public record Judgements(Supplier<List<Verdict>> thresholds, List<String> alerts, Supplier<List<String>> firing) {
    public static final Judgements NONE = new Judgements(List::of, List.of(), List::of);

    public Judgements {
        alerts = List.copyOf(alerts);
    }
}
