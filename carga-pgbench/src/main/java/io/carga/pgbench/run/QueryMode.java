package io.carga.pgbench.run;

/** pgbench's {@code -M}: how SQL is sent. */
public enum QueryMode {
    /** One Query message with variables substituted as text. */
    SIMPLE,
    /** Parse/Bind/Execute of an unnamed statement each time, variables as parameters. */
    EXTENDED,
    /** Named statements prepared once per connection, variables as parameters. */
    PREPARED;

    public String pgbenchName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static QueryMode parse(String s) {
        for (QueryMode m : values()) if (m.pgbenchName().equals(s)) return m;
        throw new IllegalArgumentException("invalid query mode (-M): \"" + s + "\"");
    }
}
