package io.carga.cli;

/** A mistake in what the user asked for: printed as one line, exit code 2, nothing runs. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
