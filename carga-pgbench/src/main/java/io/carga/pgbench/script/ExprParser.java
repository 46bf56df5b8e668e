package io.carga.pgbench.script;

import io.carga.pgbench.script.Expr.Call;
import io.carga.pgbench.script.Expr.Const;
import io.carga.pgbench.script.Expr.Fn;
import io.carga.pgbench.script.ExprLexer.Kind;
import io.carga.pgbench.script.ExprLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses pgbench's {@code \set}, {@code \if} and {@code \elif} expressions (PostgreSQL 15).
 *
 * <pre>
 * expr     := '(' expr ')' | '+' expr | '-' expr | '~' expr | NOT expr
 *           | expr binop expr
 *           | expr ISNULL | expr NOTNULL
 *           | expr IS [NOT] NULL | expr IS [NOT] TRUE | expr IS [NOT] FALSE
 *           | NULL | TRUE | FALSE | INTEGER | DOUBLE | :variable
 *           | function '(' [expr {',' expr}] ')'
 *           | CASE (WHEN expr THEN expr)+ [ELSE expr] END
 * binop    := OR | AND | '=' | '&lt;&gt;' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 *           | '|' | '#' | '&amp;' | '&lt;&lt;' | '&gt;&gt;' | '+' | '-' | '*' | '/' | '%'
 *
 * precedence, lowest first (as bison resolves pgbench's exprparse.y):
 *   1  OR                                  left
 *   2  AND                                 left
 *   3  NOT                                 prefix, right
 *   4  IS  ISNULL  NOTNULL                 postfix (chainable: a IS NULL IS NULL)
 *   5  =  &lt;&gt;  !=  &lt;  &lt;=  &gt;  &gt;=               non-associative (a &lt; b &lt; c is an error)
 *   6  |  #  &amp;  &lt;&lt;  &gt;&gt;  and prefix ~          left
 *   7  +  -                                left
 *   8  *  /  %                             left
 *   9  unary +  unary -                    prefix
 * </pre>
 *
 * <p>Keywords are case-insensitive; {@code -9223372036854775808} is accepted as a literal; unary
 * minus is {@code 0 - x} and {@code ~x} is {@code -1 # x}, as in pgbench, so {@code -x} overflows
 * for the minimum integer. {@code hash(x)} and {@code permute(i, n)} take the variable
 * {@code :default_seed} as their missing seed.
 */
public final class ExprParser {

    /** A syntax error at {@code column} (0-based, in the parsed text), pgbench's wording. */
    public static final class SyntaxError extends RuntimeException {
        public final String more;
        public final int column;

        SyntaxError(String message, String more, int column) {
            super(message, null, false, false);
            this.more = more;
            this.column = column;
        }
    }

    private final ExprLexer lexer;
    private Token tok;

    private ExprParser(String text) {
        this.lexer = new ExprLexer(text);
    }

    /** Parses one whole expression. */
    public static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        try {
            p.advance();
            Expr e = p.expr(0);
            if (p.tok.kind() != Kind.EOF) throw p.syntaxError();
            return e;
        } catch (ExprLexer.LexError le) {
            throw new SyntaxError(le.getMessage(), le.more, le.offset);
        }
    }

    private void advance() {
        tok = lexer.next();
    }

    private SyntaxError syntaxError() {
        return new SyntaxError("syntax error", null, Math.max(0, tok.end() - 1));
    }

    private Token expect(Kind kind) {
        if (tok.kind() != kind) throw syntaxError();
        Token t = tok;
        advance();
        return t;
    }

    private static int binaryPrecedence(Kind k) {
        return switch (k) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE -> 5;
            case BITOR, HASH, BITAND, LSHIFT, RSHIFT -> 6;
            case PLUS, MINUS -> 7;
            case STAR, SLASH, PERCENT -> 8;
            default -> -1;
        };
    }

    private Expr expr(int minPrec) {
        Expr left = prefix();
        while (true) {
            Kind k = tok.kind();
            if ((k == Kind.IS || k == Kind.ISNULL || k == Kind.NOTNULL) && 4 >= minPrec) {
                left = postfixIs(left); // postfix rules never conflict: "a IS NULL IS NULL" is valid
                continue;
            }
            int p = binaryPrecedence(k);
            if (p < 0 || p < minPrec) return left;
            advance();
            Expr right = expr(p + 1);
            left = binary(k, left, right);
            if (p == 5 && binaryPrecedence(tok.kind()) == 5) throw syntaxError(); // non-associative
        }
    }

    private Expr postfixIs(Expr left) {
        Kind k = tok.kind();
        advance();
        if (k == Kind.ISNULL) return isOp(left, Value.NULL);
        if (k == Kind.NOTNULL) return not(isOp(left, Value.NULL));
        boolean negate = false;
        if (tok.kind() == Kind.NOT) {
            negate = true;
            advance();
        }
        Value what = switch (tok.kind()) {
            case NULL -> Value.NULL;
            case TRUE -> Value.TRUE;
            case FALSE -> Value.FALSE;
            default -> throw syntaxError();
        };
        advance();
        Expr is = isOp(left, what);
        return negate ? not(is) : is;
    }

    private static Expr isOp(Expr left, Value v) {
        return call(Fn.IS, left, new Const(v));
    }

    private static Expr not(Expr e) {
        return call(Fn.NOT, e);
    }

    private static Expr call(Fn fn, Expr... args) {
        return new Call(fn, args);
    }

    private static Expr binary(Kind k, Expr l, Expr r) {
        return switch (k) {
            case OR -> call(Fn.OR, l, r);
            case AND -> call(Fn.AND, l, r);
            case EQ -> call(Fn.EQ, l, r);
            case NE -> call(Fn.NE, l, r);
            case LT -> call(Fn.LT, l, r);
            case LE -> call(Fn.LE, l, r);
            case GT -> call(Fn.LT, r, l);
            case GE -> call(Fn.LE, r, l);
            case BITOR -> call(Fn.BITOR, l, r);
            case HASH -> call(Fn.BITXOR, l, r);
            case BITAND -> call(Fn.BITAND, l, r);
            case LSHIFT -> call(Fn.LSHIFT, l, r);
            case RSHIFT -> call(Fn.RSHIFT, l, r);
            case PLUS -> call(Fn.ADD, l, r);
            case MINUS -> call(Fn.SUB, l, r);
            case STAR -> call(Fn.MUL, l, r);
            case SLASH -> call(Fn.DIV, l, r);
            case PERCENT -> call(Fn.MOD, l, r);
            default -> throw new IllegalStateException(k.name());
        };
    }

    private Expr prefix() {
        Token t = tok;
        switch (t.kind()) {
            case LPAREN -> {
                advance();
                Expr e = expr(0);
                expect(Kind.RPAREN);
                return e;
            }
            case PLUS -> {
                advance();
                return expr(10);
            }
            case MINUS -> {
                advance();
                if (tok.kind() == Kind.MAXINT_PLUS_ONE) {
                    advance();
                    return new Const(Value.of(Long.MIN_VALUE));
                }
                return call(Fn.SUB, new Const(Value.of(0L)), expr(10));
            }
            case TILDE -> {
                advance();
                return call(Fn.BITXOR, new Const(Value.of(-1L)), expr(7));
            }
            case NOT -> {
                advance();
                return not(expr(4));
            }
            case NULL -> { advance(); return new Const(Value.NULL); }
            case TRUE -> { advance(); return new Const(Value.TRUE); }
            case FALSE -> { advance(); return new Const(Value.FALSE); }
            case INT -> { advance(); return new Const(Value.of(t.ival())); }
            case DOUBLE -> { advance(); return new Const(Value.of(t.dval())); }
            case VAR -> { advance(); return new Expr.Var(t.text()); }
            case CASE -> { return caseExpr(); }
            case IDENT -> { return function(); }
            default -> throw syntaxError();
        }
    }

    private Expr caseExpr() {
        advance();
        List<Expr> args = new ArrayList<>();
        if (tok.kind() != Kind.WHEN) throw syntaxError();
        while (tok.kind() == Kind.WHEN) {
            advance();
            args.add(expr(0));
            expect(Kind.THEN);
            args.add(expr(0));
        }
        if (tok.kind() == Kind.ELSE) {
            advance();
            args.add(expr(0));
        } else {
            args.add(new Const(Value.NULL));
        }
        expect(Kind.END);
        return new Call(Fn.CASE, args.toArray(Expr[]::new));
    }

    private Expr function() {
        Token name = tok;
        advance();
        if (tok.kind() != Kind.LPAREN) throw syntaxError();
        Fn fn = Fn.byName(name.text());
        if (fn == null) throw new SyntaxError("unexpected function name", name.text(), name.end() - 1);
        advance();
        List<Expr> args = new ArrayList<>();
        if (tok.kind() != Kind.RPAREN) {
            args.add(expr(0));
            while (tok.kind() == Kind.COMMA) {
                advance();
                args.add(expr(0));
            }
        }
        Token close = expect(Kind.RPAREN);
        int col = close.end() - 1;
        String fname = name.text();
        switch (fn) {
            case LEAST, GREATEST -> {
                if (args.isEmpty()) throw new SyntaxError("at least one argument expected", fname, col);
            }
            case HASH_MURMUR2, HASH_FNV1A -> {
                if (args.size() > 2 || args.isEmpty()) throw new SyntaxError("unexpected number of arguments", fname, col);
                if (args.size() == 1) args.add(new Expr.Var("default_seed"));
            }
            case PERMUTE -> {
                if (args.size() < 2 || args.size() > 3) throw new SyntaxError("unexpected number of arguments", fname, col);
                if (args.size() == 2) args.add(new Expr.Var("default_seed"));
            }
            default -> {
                if (args.size() != fn.arity) throw new SyntaxError("unexpected number of arguments", fname, col);
            }
        }
        return new Call(fn, args.toArray(Expr[]::new));
    }
}
