package io.carga.pgbench.script;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A parsed {@code \set}/{@code \if} expression: a constant, a variable, or a function call. */
public sealed interface Expr {

    record Const(Value value) implements Expr {
        @Override public String toString() { return value.format(); }
    }

    record Var(String name) implements Expr {
        @Override public String toString() { return ":" + name; }
    }

    /** Operators are calls too, as in pgbench ({@code a + b} is {@code ADD(a, b)}). */
    record Call(Fn fn, Expr[] args) implements Expr {
        @Override public String toString() {
            return fn.name().toLowerCase() + Arrays.stream(args).map(Expr::toString)
                    .collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** Every function and operator, with its arity ({@code -1}: one or more; {@code -2}: CASE). */
    enum Fn {
        ADD(2), SUB(2), MUL(2), DIV(2), MOD(2),
        ABS(1), LEAST(-1), GREATEST(-1), DEBUG(1), PI(0), SQRT(1), LN(1), EXP(1), INT(1), DOUBLE(1),
        RANDOM(2), RANDOM_GAUSSIAN(3), RANDOM_EXPONENTIAL(3), RANDOM_ZIPFIAN(3), POW(2),
        AND(2), OR(2), NOT(1),
        BITAND(2), BITOR(2), BITXOR(2), LSHIFT(2), RSHIFT(2),
        EQ(2), NE(2), LE(2), LT(2), IS(2),
        CASE(-2), HASH_MURMUR2(2), HASH_FNV1A(2), PERMUTE(3);

        final int arity;

        Fn(int arity) {
            this.arity = arity;
        }

        /** The function callable by {@code name(...)} in a script, or null. */
        static Fn byName(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "abs" -> ABS;
                case "least" -> LEAST;
                case "greatest" -> GREATEST;
                case "debug" -> DEBUG;
                case "pi" -> PI;
                case "sqrt" -> SQRT;
                case "ln" -> LN;
                case "exp" -> EXP;
                case "int" -> INT;
                case "double" -> DOUBLE;
                case "random" -> RANDOM;
                case "random_gaussian" -> RANDOM_GAUSSIAN;
                case "random_exponential" -> RANDOM_EXPONENTIAL;
                case "random_zipfian" -> RANDOM_ZIPFIAN;
                case "pow", "power" -> POW;
                case "mod" -> MOD;
                case "hash", "hash_murmur2" -> HASH_MURMUR2;
                case "hash_fnv1a" -> HASH_FNV1A;
                case "permute" -> PERMUTE;
                default -> null;
            };
        }
    }
}
