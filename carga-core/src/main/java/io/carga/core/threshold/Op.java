package io.carga.core.threshold;

/** A comparison in a threshold: the threshold passes when {@code measured op limit} holds. */
public enum Op {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double measured, double limit) {
        return switch (this) {
            case LT -> measured < limit;
            case LE -> measured <= limit;
            case GT -> measured > limit;
            case GE -> measured >= limit;
            case EQ -> measured == limit;
            case NE -> measured != limit;
        };
    }

    static Op of(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return symbol.equals("=") ? EQ : null;
    }
}
