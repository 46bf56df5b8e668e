package io.carga.platform.llm;

/** A simulated provider refusal: quota exceeded (429) or an injected provider failure (503). */
public final class LlmException extends Exception {
    public enum Kind { RATE_LIMITED, UNAVAILABLE }

    private final Kind kind;
    private final long retryAfterSeconds;

    public LlmException(Kind kind, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
