package io.carga.ai.wire;

/** An answer that does not follow its provider's format: the request fails with this message as its reason. */
public final class MalformedAnswerException extends Exception {
    public MalformedAnswerException(String message) {
        super(message, null, false, false);
    }
}
