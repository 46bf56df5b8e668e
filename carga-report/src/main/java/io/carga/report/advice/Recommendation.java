package io.carga.report.advice;

import java.util.List;

/**
 * One piece of advice and the measured figure that triggered it.
 *
 * @param severity "high", "medium" or "info"
 * @param area     what it is about: database, ai, api, errors, generator, endurance, quality…
 * @param title    one line
 * @param trigger  the figure, as measured ("SELECT users p95 143 ms > 100 ms")
 * @param actions  what to do, most useful first
 */
public record Recommendation(String severity, String area, String title, String trigger, List<String> actions) {
}
