package io.carga.cli.budget;

import io.carga.core.threshold.Kind;

/** R$ as thresholds and the report write it ({@link Kind#MONEY}). */
final class Money {
    private Money() {
    }

    static String brl(double v) {
        return Kind.MONEY.format(v, "R$");
    }
}
