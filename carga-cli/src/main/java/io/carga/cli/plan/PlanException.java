package io.carga.cli.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that can't be used: every problem found, each as {@code file:line:column: message}. */
public final class PlanException extends RuntimeException {
    /** One problem at a place in the plan file (line and column 1-based, 0 when unknown). */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
        }
    }

    private final List<Problem> problems;

    public PlanException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
