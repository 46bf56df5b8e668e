package io.carga.pgbench.script;

/** A run-time error while evaluating a meta-command; pgbench aborts the client with it. */
public final class EvalException extends RuntimeException {
    public EvalException(String message) {
        super(message, null, false, false);
    }
}
