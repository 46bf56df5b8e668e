package io.carga.pgbench.script;

import java.util.Locale;

/** Tokens of pgbench's expression language (exprscan.l's EXPR state). */
final class ExprLexer {

    enum Kind {
        PLUS, MINUS, STAR, SLASH, PERCENT, LPAREN, RPAREN, COMMA,
        EQ, NE, LT, LE, GT, GE, LSHIFT, RSHIFT, BITOR, BITAND, HASH, TILDE,
        AND, OR, NOT, IS, ISNULL, NOTNULL, CASE, WHEN, THEN, ELSE, END, NULL, TRUE, FALSE,
        INT, DOUBLE, MAXINT_PLUS_ONE, VAR, IDENT, EOF
    }

    record Token(Kind kind, String text, int start, int end, long ival, double dval) {}

    /** Thrown with the offset (in the lexed text) of the offending token's last character. */
    static final class LexError extends RuntimeException {
        final String more;
        final int offset;

        LexError(String message, String more, int offset) {
            super(message, null, false, false);
            this.more = more;
            this.offset = offset;
        }
    }

    private final String s;
    private int pos;

    ExprLexer(String text) {
        this.s = text;
    }

    Token next() {
        skipSpace();
        int start = pos;
        if (pos >= s.length()) return tok(Kind.EOF, start);
        char c = s.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1)))) return number();
        if (c == ':' && pos + 1 < s.length() && isAlnum(s.charAt(pos + 1))) {
            pos++;
            while (pos < s.length() && isAlnum(s.charAt(pos))) pos++;
            return new Token(Kind.VAR, s.substring(start + 1, pos), start, pos, 0, 0);
        }
        if (isAlpha(c)) {
            while (pos < s.length() && isAlnum(s.charAt(pos))) pos++;
            String word = s.substring(start, pos);
            return new Token(keyword(word), word, start, pos, 0, 0);
        }
        pos++;
        String two = pos < s.length() ? s.substring(start, pos + 1) : "";
        switch (two) {
            case "<>", "!=" -> { pos++; return tok(Kind.NE, start); }
            case "<=" -> { pos++; return tok(Kind.LE, start); }
            case ">=" -> { pos++; return tok(Kind.GE, start); }
            case "<<" -> { pos++; return tok(Kind.LSHIFT, start); }
            case ">>" -> { pos++; return tok(Kind.RSHIFT, start); }
            default -> { }
        }
        return switch (c) {
            case '+' -> tok(Kind.PLUS, start);
            case '-' -> tok(Kind.MINUS, start);
            case '*' -> tok(Kind.STAR, start);
            case '/' -> tok(Kind.SLASH, start);
            case '%' -> tok(Kind.PERCENT, start);
            case '(' -> tok(Kind.LPAREN, start);
            case ')' -> tok(Kind.RPAREN, start);
            case ',' -> tok(Kind.COMMA, start);
            case '=' -> tok(Kind.EQ, start);
            case '<' -> tok(Kind.LT, start);
            case '>' -> tok(Kind.GT, start);
            case '|' -> tok(Kind.BITOR, start);
            case '&' -> tok(Kind.BITAND, start);
            case '#' -> tok(Kind.HASH, start);
            case '~' -> tok(Kind.TILDE, start);
            default -> throw new LexError("unexpected character", String.valueOf(c), start);
        };
    }

    private Token tok(Kind kind, int start) {
        return new Token(kind, s.substring(start, pos), start, pos, 0, 0);
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b || c == '\n') {
                pos++;
            } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '\\' && pos + 2 < s.length() && s.charAt(pos + 1) == '\r' && s.charAt(pos + 2) == '\n') {
                pos += 3;
            } else {
                return;
            }
        }
    }

    private Token number() {
        int start = pos;
        while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
        boolean isDouble = false;
        if (pos < s.length() && s.charAt(pos) == '.') {
            isDouble = true;
            pos++;
            while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
            if (p < s.length() && isDigit(s.charAt(p))) {
                while (p < s.length() && isDigit(s.charAt(p))) p++;
                pos = p;
                isDouble = true;
            }
        }
        String text = s.substring(start, pos);
        if (!isDouble) {
            if (text.equals("9223372036854775808")) return new Token(Kind.MAXINT_PLUS_ONE, text, start, pos, 0, 0);
            try {
                return new Token(Kind.INT, text, start, pos, Long.parseLong(text), 0);
            } catch (NumberFormatException e) {
                throw new LexError("bigint constant overflow", text, pos - 1);
            }
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) || (d == 0.0 && hasNonZeroDigit(text)) || (d != 0.0 && Math.abs(d) < Double.MIN_NORMAL)) {
            throw new LexError("double constant overflow", text, pos - 1); // strtod's ERANGE
        }
        return new Token(Kind.DOUBLE, text, start, pos, 0, d);
    }

    private static boolean hasNonZeroDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') return false;
            if (c >= '1' && c <= '9') return true;
        }
        return false;
    }

    private static Kind keyword(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "and" -> Kind.AND;
            case "or" -> Kind.OR;
            case "not" -> Kind.NOT;
            case "is" -> Kind.IS;
            case "isnull" -> Kind.ISNULL;
            case "notnull" -> Kind.NOTNULL;
            case "case" -> Kind.CASE;
            case "when" -> Kind.WHEN;
            case "then" -> Kind.THEN;
            case "else" -> Kind.ELSE;
            case "end" -> Kind.END;
            case "null" -> Kind.NULL;
            case "true" -> Kind.TRUE;
            case "false" -> Kind.FALSE;
            default -> Kind.IDENT;
        };
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }
}
