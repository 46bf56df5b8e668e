package io.carga.pgbench.run;

import java.io.PrintStream;

/** Where a run writes: pgbench's report on {@code out}, messages and progress on {@code err}. */
public record Console(PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.out, System.err);
    }

    public void error(String message) {
        err.println("carga db: error: " + message);
    }

    public void warning(String message) {
        err.println("carga db: warning: " + message);
    }

    public void info(String message) {
        err.println("carga db: " + message);
    }

    public void debug(String message) {
        err.println("carga db: debug: " + message);
    }

    /** The output of the script function {@code debug()}, printed as pgbench prints it. */
    public void debugFunction(String line) {
        err.println(line);
    }
}
