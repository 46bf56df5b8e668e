package io.carga.ai.cost;

/** A bad AI setting (price table, budget, rate, mix, scorer): the message names the key and what is wrong. */
public final class AiConfigException extends IllegalArgumentException {
    public AiConfigException(String message) {
        super(message);
    }
}
