package io.carga.pgbench.script;

/**
 * A pgbench expression value: NULL, boolean, 64-bit integer or double.
 *
 * <p>Coercions follow pgbench: doubles round half-to-even into integers (with an overflow check),
 * integers widen to doubles, and neither NULL nor booleans coerce to numbers.
 */
public sealed interface Value {

    Null NULL = new Null();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    static Value of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Int of(long v) {
        return v >= -128 && v <= 1023 ? Int.CACHE[(int) v + 128] : new Int(v);
    }

    static Dbl of(double v) {
        return new Dbl(v);
    }

    /** The type name pgbench uses in error messages. */
    String typeName();

    /** The string form pgbench substitutes for {@code :var} (doubles as {@code %.15g}). */
    String format();

    /** pgbench's {@code valueTruth}: NULL and zero are false. */
    boolean truth();

    default long asInt() {
        throw new EvalException("cannot coerce " + typeName() + " to int");
    }

    default double asDouble() {
        throw new EvalException("cannot coerce " + typeName() + " to double");
    }

    default boolean asBool() {
        throw new EvalException("cannot coerce " + typeName() + " to boolean");
    }

    record Null() implements Value {
        public String typeName() { return "null"; }
        public String format() { return "NULL"; }
        public boolean truth() { return false; }
    }

    record Bool(boolean value) implements Value {
        public String typeName() { return "boolean"; }
        public String format() { return value ? "true" : "false"; }
        public boolean truth() { return value; }
        @Override public boolean asBool() { return value; }
    }

    record Int(long value) implements Value {
        static final Int[] CACHE = new Int[1024 + 128];
        static {
            for (int i = 0; i < CACHE.length; i++) CACHE[i] = new Int(i - 128);
        }
        public String typeName() { return "int"; }
        public String format() { return Long.toString(value); }
        public boolean truth() { return value != 0; }
        @Override public long asInt() { return value; }
        @Override public double asDouble() { return value; }
    }

    record Dbl(double value) implements Value {
        public String typeName() { return "double"; }
        public String format() { return CFormat.g15(value); }
        public boolean truth() { return value != 0.0; }
        @Override public double asDouble() { return value; }
        @Override public long asInt() {
            double r = Math.rint(value);
            // FLOAT8_FITS_IN_INT64: [-2^63, 2^63)
            if (Double.isNaN(r) || r < -0x1p63 || r >= 0x1p63) {
                throw new EvalException("double to int overflow for " + CFormat.f6(r));
            }
            return (long) r;
        }
    }
}
