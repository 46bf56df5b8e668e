package io.carga.core.threshold;

/** A threshold, rule or quantity that does not follow the grammar; {@link #column()} is 1-based in its text. */
public final class ThresholdSyntaxException extends IllegalArgumentException {
    private final int column;

    public ThresholdSyntaxException(String message, int column) {
        super(message);
        this.column = Math.max(1, column);
    }

    public int column() {
        return column;
    }
}
