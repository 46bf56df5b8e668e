package io.carga.ai.budget;

/**
 * One thing the budget guard did, for the results folder: when, what, and why.
 *
 * @param atMs    wall-clock time of the interval that decided it
 * @param elapsedS seconds into the run
 * @param step    {@code alert}, {@code warn}, {@code ramp_down}, {@code stop}, or one of the optimize steps
 *                {@code ai_flash_only}, {@code users_limited}, {@code rest_shortened}
 * @param why     the limit and the spending that led to it, or why a step could not be applied
 */
public record CostStep(long atMs, double elapsedS, String step, String why) {
}
