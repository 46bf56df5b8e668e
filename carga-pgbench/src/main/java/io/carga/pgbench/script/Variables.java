package io.carga.pgbench.script;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One client's variables. A variable holds a string (from {@code -D}, {@code \gset}), a value
 * (from {@code \set}), or both once converted; conversions follow pgbench's
 * {@code makeVariableValue} and {@code getVariable}. Not thread-safe: one per client.
 */
public final class Variables {

    private static final class Var {
        String string;
        Value value;
    }

    private final Map<String, Var> vars = new HashMap<>();

    public Variables copy() {
        Variables c = new Variables();
        vars.forEach((k, v) -> {
            Var n = new Var();
            n.string = v.string;
            n.value = v.value;
            c.vars.put(k, n);
        });
        return c;
    }

    public boolean contains(String name) {
        return vars.containsKey(name);
    }

    /** A new variable, or null (and none) for an invalid name. */
    private static final Function<String, Var> NEW_VAR = name -> isValidName(name) ? new Var() : null;

    private Var create(String context, String name) {
        // computeIfAbsent, not get-then-put: its branch for a new name is compiled as well, so the first
        // \set of a run does not send the JIT back to recompile a client's hot path (see Client#rehearsal)
        Var v = vars.computeIfAbsent(name, NEW_VAR);
        if (v == null) throw new EvalException(context + ": invalid variable name: \"" + name + "\"");
        return v;
    }

    public void putString(String context, String name, String value) {
        Var v = create(context, name);
        v.string = value;
        v.value = null;
    }

    public void putValue(String context, String name, Value value) {
        Var v = create(context, name);
        v.string = null;
        v.value = value;
    }

    /** The string form, or null when the variable does not exist. */
    public String getString(String name) {
        Var v = vars.get(name);
        if (v == null) return null;
        if (v.string == null) v.string = v.value.format();
        return v.string;
    }

    /** The value, converting a string the first time; throws if unknown or malformed. */
    public Value getValue(String name) {
        Var v = vars.get(name);
        if (v == null) throw new EvalException("undefined variable \"" + name + "\"");
        if (v.value == null) v.value = parse(name, v.string);
        return v.value;
    }

    static Value parse(String name, String s) {
        int len = s.length();
        if (len == 0) throw new EvalException("malformed variable \"" + name + "\" value: \"\"");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("null")) return Value.NULL;
        if ("true".startsWith(lower) || "yes".startsWith(lower) || lower.equals("on")) return Value.TRUE;
        if ("false".startsWith(lower) || "no".startsWith(lower) || lower.equals("off") || lower.equals("of")) {
            return Value.FALSE;
        }
        if (isAnInt(s)) {
            try {
                return Value.of(Long.parseLong(s.strip().startsWith("+") ? s.strip().substring(1) : s.strip()));
            } catch (NumberFormatException e) {
                throw new EvalException("value \"" + s + "\" is out of range for type bigint");
            }
        }
        Double d = parseCDouble(s);
        if (d == null) throw new EvalException("malformed variable \"" + name + "\" value: \"" + s + "\"");
        return Value.of(d);
    }

    private static boolean isAnInt(String s) {
        int i = 0, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i == n && i > digits;
    }

    /** strtod with the whole string consumed, no range error; null if malformed. */
    static Double parseCDouble(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        String t = s.substring(i);
        if (t.isEmpty() || isSpace(t.charAt(t.length() - 1))) return null;
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        String lb = body.toLowerCase(Locale.ROOT);
        double sign = t.startsWith("-") ? -1 : 1;
        if (lb.equals("inf") || lb.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (lb.equals("nan")) return Double.NaN;
        if (!lb.matches("(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?|0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[-+]?\\d+)?")) return null;
        try {
            double d = lb.startsWith("0x") && !lb.contains("p") ? Double.parseDouble(lb + "p0") : Double.parseDouble(lb);
            if (Double.isInfinite(d)) return null; // ERANGE
            return sign * d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Letters, digits (not first), underscore and any non-ASCII character. */
    public static boolean isValidName(String name) {
        if (name.isEmpty()) return false;
        char c0 = name.charAt(0);
        if (!(ExprLexer.isAlpha(c0))) return false;
        for (int i = 1; i < name.length(); i++) {
            if (!ExprLexer.isAlnum(name.charAt(i))) return false;
        }
        return true;
    }
}
