package io.carga.pgbench.script;

/**
 * A script error found before the run starts, reported as pgbench does:
 * {@code file:line: message (detail) in command "set"}, then the offending line and a caret.
 */
public final class ScriptException extends RuntimeException {
    private final String source;
    private final int line;
    private final String detail;

    public ScriptException(String source, int line, String message) {
        this(source, line, message, null);
    }

    public ScriptException(String source, int line, String message, String detail) {
        super(source + ":" + line + ": " + message, null, false, false);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    public String source() { return source; }

    public int line() { return line; }

    /** The script line and a caret under the error, or null. */
    public String detail() { return detail; }
}
