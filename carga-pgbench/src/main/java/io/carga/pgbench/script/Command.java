package io.carga.pgbench.script;

import java.util.List;

/** One command of a parsed script: an SQL statement or a meta-command. */
public sealed interface Command {

    /** 1-based line in the script where the command starts. */
    int line();

    /** The command's first line as pgbench prints it in {@code -r} reports. */
    String firstLine();

    enum Meta { NONE, GSET, ASET }

    /**
     * An SQL command. {@code parts}/{@code vars} interleave text and variable names for the simple
     * protocol (a variable that is undefined at run time stays as {@code :name}); {@code paramSql}
     * has JDBC's {@code ?} in their place for the extended and prepared protocols (pgbench's
     * {@code $1..$n}), with literal question marks escaped as {@code ??}.
     */
    record Sql(int line, String firstLine, String text, String[] parts, String[] vars,
               String paramSql, String[] paramNames, Meta meta, String varPrefix) implements Command {
        public Sql withMeta(Meta m, String prefix) {
            return new Sql(line, firstLine, text, parts, vars, paramSql, paramNames, m, prefix);
        }

        /** The SQL with variables substituted as text (pgbench's {@code assignVariables}). */
        public String substitute(Variables v) {
            if (vars.length == 0) return text;
            StringBuilder sb = new StringBuilder(text.length() + 16 * vars.length);
            for (int i = 0; i < vars.length; i++) {
                sb.append(parts[i]);
                String val = v.getString(vars[i]);
                if (val == null) sb.append(':').append(vars[i]);
                else sb.append(val);
            }
            return sb.append(parts[vars.length]).toString();
        }
    }

    /** {@code \set var expr}. */
    record Set(int line, String firstLine, String variable, Expr expr) implements Command {}

    /** {@code \sleep n [us|ms|s]}; {@code amount} is a number or {@code :var}. */
    record Sleep(int line, String firstLine, List<String> argv, String amount, long unitMicros) implements Command {}

    record If(int line, String firstLine, Expr expr) implements Command {}

    record Elif(int line, String firstLine, Expr expr) implements Command {}

    record Else(int line, String firstLine) implements Command {}

    record Endif(int line, String firstLine) implements Command {}

    /** {@code \shell cmd args...}; arguments starting with one colon are variables. */
    record Shell(int line, String firstLine, List<String> argv) implements Command {}

    /** {@code \setshell var cmd args...}: the command's output must be an integer. */
    record SetShell(int line, String firstLine, String variable, List<String> argv) implements Command {}
}
