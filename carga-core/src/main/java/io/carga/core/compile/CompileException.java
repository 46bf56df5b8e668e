package io.carga.core.compile;

import java.util.List;

/** A scenario file that did not compile; each message is {@code file:line:column: error: text}. */
public final class CompileException extends Exception {
    private final List<String> messages;

    public CompileException(List<String> messages) {
        super(String.join(System.lineSeparator(), messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
