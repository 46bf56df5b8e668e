package io.carga.pgbench.script;

import io.carga.pgbench.script.Expr.Call;
import io.carga.pgbench.script.Expr.Const;
import io.carga.pgbench.script.Expr.Fn;
import io.carga.pgbench.script.Expr.Var;

/**
 * Evaluates expressions with pgbench's semantics: NULL in, NULL out (except {@code IS} and
 * {@code debug}); lazy {@code AND}, {@code OR} and {@code CASE}; integer arithmetic that fails on
 * overflow; doubles when either operand is a double (but {@code %} is integer-only).
 */
public final class Evaluator {
    private Evaluator() {}

    /** What an expression can see while it runs: one client's variables and random state. */
    public interface Context {
        /** The variable's value; throws {@link EvalException} "undefined variable" if unknown. */
        Value variable(String name);

        /** The client's random generator ({@code cs_func_rs}). */
        Prng random();

        /** Receives the output of {@code debug(x)}, already formatted as pgbench prints it. */
        void debug(String line);
    }

    public static Value eval(Expr e, Context ctx) {
        return switch (e) {
            case Const c -> c.value();
            case Var v -> ctx.variable(v.name());
            case Call c -> call(c, ctx);
        };
    }

    private static Value call(Call c, Context ctx) {
        Expr[] a = c.args();
        switch (c.fn()) {
            case AND -> {
                Value l = eval(a[0], ctx);
                if (l instanceof Value.Null) return Value.NULL;
                if (!l.asBool()) return Value.FALSE;
                Value r = eval(a[1], ctx);
                return r instanceof Value.Null ? Value.NULL : Value.of(r.asBool());
            }
            case OR -> {
                Value l = eval(a[0], ctx);
                if (l instanceof Value.Null) return Value.NULL;
                if (l.asBool()) return Value.TRUE;
                Value r = eval(a[1], ctx);
                return r instanceof Value.Null ? Value.NULL : Value.of(r.asBool());
            }
            case CASE -> {
                int i = 0;
                for (; i + 1 < a.length; i += 2) {
                    if (eval(a[i], ctx).truth()) return eval(a[i + 1], ctx);
                }
                return eval(a[i], ctx);
            }
            default -> {
                Value[] v = new Value[a.length];
                boolean hasNull = false;
                for (int i = 0; i < a.length; i++) {
                    v[i] = eval(a[i], ctx);
                    hasNull |= v[i] instanceof Value.Null;
                }
                if (hasNull && c.fn() != Fn.IS && c.fn() != Fn.DEBUG) return Value.NULL;
                return apply(c.fn(), v, ctx);
            }
        }
    }

    private static Value apply(Fn fn, Value[] v, Context ctx) {
        switch (fn) {
            case ADD, SUB, MUL, DIV, MOD, EQ, NE, LE, LT -> {
                return arithmetic(fn, v[0], v[1]);
            }
            case BITAND -> { return Value.of(v[0].asInt() & v[1].asInt()); }
            case BITOR -> { return Value.of(v[0].asInt() | v[1].asInt()); }
            case BITXOR -> { return Value.of(v[0].asInt() ^ v[1].asInt()); }
            case LSHIFT -> { long l = v[0].asInt(), r = v[1].asInt(); return Value.of(l << r); }
            case RSHIFT -> { long l = v[0].asInt(), r = v[1].asInt(); return Value.of(l >> r); }
            case NOT -> { return Value.of(!v[0].asBool()); }
            case PI -> { return Value.of(Math.PI); }
            case ABS -> {
                if (v[0] instanceof Value.Int i) return Value.of(i.value() < 0 ? -i.value() : i.value());
                double d = v[0].asDouble();
                return Value.of(d < 0.0 ? -d : d);
            }
            case DEBUG -> {
                ctx.debug(switch (v[0]) {
                    case Value.Null n -> "null";
                    case Value.Bool b -> "boolean " + b.format();
                    case Value.Int i -> "int " + i.value();
                    case Value.Dbl d -> "double " + CFormat.g15(d.value());
                });
                return v[0];
            }
            case DOUBLE -> { return Value.of(v[0].asDouble()); }
            case SQRT -> { return Value.of(Math.sqrt(v[0].asDouble())); }
            case LN -> { return Value.of(StrictMath.log(v[0].asDouble())); }
            case EXP -> { return Value.of(StrictMath.exp(v[0].asDouble())); }
            case INT -> { return Value.of(v[0].asInt()); }
            case LEAST, GREATEST -> {
                boolean least = fn == Fn.LEAST;
                boolean anyDouble = false;
                for (Value x : v) anyDouble |= x instanceof Value.Dbl;
                if (anyDouble) {
                    double ext = v[0].asDouble();
                    for (int i = 1; i < v.length; i++) {
                        double d = v[i].asDouble();
                        ext = least ? (ext < d ? ext : d) : (ext > d ? ext : d);
                    }
                    return Value.of(ext);
                }
                long ext = v[0].asInt();
                for (int i = 1; i < v.length; i++) {
                    long x = v[i].asInt();
                    ext = least ? Math.min(ext, x) : Math.max(ext, x);
                }
                return Value.of(ext);
            }
            case RANDOM, RANDOM_EXPONENTIAL, RANDOM_GAUSSIAN, RANDOM_ZIPFIAN -> {
                return random(fn, v, ctx.random());
            }
            case POW -> { return Value.of(StrictMath.pow(v[0].asDouble(), v[1].asDouble())); }
            case IS -> { return Value.of(isSame(v[0], v[1])); }
            case HASH_MURMUR2 -> { return Value.of(Functions.hashMurmur2(v[0].asInt(), v[1].asInt())); }
            case HASH_FNV1A -> { return Value.of(Functions.hashFnv1a(v[0].asInt(), v[1].asInt())); }
            case PERMUTE -> {
                long val = v[0].asInt(), size = v[1].asInt(), seed = v[2].asInt();
                if (size <= 0) throw new EvalException("permute size parameter must be greater than zero");
                return Value.of(Functions.permute(val, size, seed));
            }
            default -> throw new IllegalStateException(fn.name());
        }
    }

    /** pgbench compares type and the union's first byte: equal types with equal booleans. */
    private static boolean isSame(Value a, Value b) {
        if (a.getClass() != b.getClass()) return false;
        if (a instanceof Value.Bool x) return x.value() == ((Value.Bool) b).value();
        if (a instanceof Value.Null) return true;
        // int/double IS int/double cannot be written in the grammar; compare the low byte like C
        long la = a instanceof Value.Int i ? i.value() : Double.doubleToRawLongBits(((Value.Dbl) a).value());
        long lb = b instanceof Value.Int j ? j.value() : Double.doubleToRawLongBits(((Value.Dbl) b).value());
        return (la & 0xff) == (lb & 0xff);
    }

    private static Value arithmetic(Fn fn, Value lv, Value rv) {
        if ((lv instanceof Value.Dbl || rv instanceof Value.Dbl) && fn != Fn.MOD) {
            double l = lv.asDouble(), r = rv.asDouble();
            return switch (fn) {
                case ADD -> Value.of(l + r);
                case SUB -> Value.of(l - r);
                case MUL -> Value.of(l * r);
                case DIV -> Value.of(l / r);
                case EQ -> Value.of(l == r);
                case NE -> Value.of(l != r);
                case LE -> Value.of(l <= r);
                case LT -> Value.of(l < r);
                default -> throw new IllegalStateException(fn.name());
            };
        }
        long l = lv.asInt(), r = rv.asInt();
        switch (fn) {
            case ADD -> {
                long res = l + r;
                if (((l ^ res) & (r ^ res)) < 0) throw new EvalException("bigint add out of range");
                return Value.of(res);
            }
            case SUB -> {
                long res = l - r;
                if (((l ^ r) & (l ^ res)) < 0) throw new EvalException("bigint sub out of range");
                return Value.of(res);
            }
            case MUL -> {
                long hi = Math.multiplyHigh(l, r), res = l * r;
                if ((hi != 0 || res < 0) && (hi != -1 || res >= 0)) throw new EvalException("bigint mul out of range");
                return Value.of(res);
            }
            case EQ -> { return Value.of(l == r); }
            case NE -> { return Value.of(l != r); }
            case LE -> { return Value.of(l <= r); }
            case LT -> { return Value.of(l < r); }
            case DIV, MOD -> {
                if (r == 0) throw new EvalException("division by zero");
                if (r == -1) {
                    if (fn == Fn.MOD) return Value.of(0L);
                    if (l == Long.MIN_VALUE) throw new EvalException("bigint div out of range");
                    return Value.of(-l);
                }
                return Value.of(fn == Fn.DIV ? l / r : l % r);
            }
            default -> throw new IllegalStateException(fn.name());
        }
    }

    private static Value random(Fn fn, Value[] v, Prng rng) {
        long min = v[0].asInt(), max = v[1].asInt();
        if (min > max) throw new EvalException("empty range given to random");
        long delta = max - min;
        if (((max ^ min) & (max ^ delta)) < 0 || delta == Long.MAX_VALUE) {
            throw new EvalException("random range is too large");
        }
        if (fn == Fn.RANDOM) return Value.of(Functions.random(rng, min, max));
        double param = v[2].asDouble();
        return switch (fn) {
            case RANDOM_GAUSSIAN -> {
                if (param < Functions.MIN_GAUSSIAN_PARAM) {
                    throw new EvalException("gaussian parameter must be at least " + CFormat.f6(Functions.MIN_GAUSSIAN_PARAM)
                            + " (not " + CFormat.f6(param) + ")");
                }
                yield Value.of(Functions.randomGaussian(rng, min, max, param));
            }
            case RANDOM_ZIPFIAN -> {
                if (param < Functions.MIN_ZIPFIAN_PARAM || param > Functions.MAX_ZIPFIAN_PARAM) {
                    throw new EvalException("zipfian parameter must be in range [1.001, 1000] (not " + CFormat.f6(param) + ")");
                }
                yield Value.of(Functions.randomZipfian(rng, min, max, param));
            }
            default -> {
                if (param <= 0.0) {
                    throw new EvalException("exponential parameter must be greater than zero (not " + CFormat.f6(param) + ")");
                }
                yield Value.of(Functions.randomExponential(rng, min, max, param));
            }
        };
    }
}
