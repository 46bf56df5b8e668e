package io.carga.pgbench.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Splits a pgbench script into commands, as pgbench does with psql's lexer.
 *
 * <pre>
 * script   := { sql | meta }
 * sql      := text up to a ';' outside quotes, parentheses and comments (the ';' is kept),
 *             or up to a backslash command, or to the end of the file;
 *             '\;' and '\:' put a literal ';' or ':' into the text;
 *             leading whitespace and '--' comments are dropped; empty commands are skipped
 * meta     := '\' word { word } end-of-line        words are split on blanks;
 *             a backslash before a newline continues the line
 * set      := '\set' name expr                    (see {@link ExprParser} for expr)
 * if       := '\if' expr | '\elif' expr | '\else' | '\endif'
 * sleep    := '\sleep' (integer | :var) [us | ms | s]      ("10ms" is also accepted)
 * gset     := '\gset' [prefix] | '\aset' [prefix]  attach to the preceding SQL command
 * shell    := '\shell' word+ | '\setshell' name word+
 * </pre>
 *
 * <p>Errors are {@link ScriptException}s: {@code source:line: message}. Conditionals are
 * checked statically ({@code \elif} without {@code \if}, unclosed {@code \if}, ...).
 */
public final class ScriptParser {

    private final String s;
    private final String source;
    private int pos;
    private int line = 1;
    private final List<Command> commands = new ArrayList<>();

    private ScriptParser(String text, String source) {
        this.s = text;
        this.source = source;
    }

    public static Script parse(String text, String source, int weight) {
        ScriptParser p = new ScriptParser(text, source);
        p.run();
        if (p.commands.isEmpty()) {
            throw new ScriptException(source, p.line, "empty command list for script \"" + source + "\"");
        }
        p.checkConditionals();
        return new Script(source, weight, p.commands);
    }

    private void run() {
        StringBuilder sql = new StringBuilder();
        int sqlLine = 0;
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            boolean empty = sql.isEmpty();
            if (c == '\n') {
                line++;
                pos++;
                if (!empty) sql.append(c);
            } else if (Variables.isSpace(c)) {
                pos++;
                if (!empty) sql.append(c);
            } else if (c == '-' && peek(1) == '-') {
                int end = s.indexOf('\n', pos);
                if (end < 0) end = s.length();
                if (!empty) sql.append(s, pos, end);
                pos = end;
            } else if (c == '\\') {
                char n = peek(1);
                if (n == ';' || n == ':') {
                    if (empty) sqlLine = line;
                    sql.append(n);
                    pos += 2;
                } else {
                    flushSql(sql, sqlLine);
                    depth = 0;
                    pos++;
                    backslash();
                }
            } else {
                if (empty) sqlLine = line;
                if (c == ';' && depth == 0) {
                    sql.append(c);
                    pos++;
                    flushSql(sql, sqlLine);
                } else if (c == '\'' ) {
                    boolean escapes = pos > 0 && (s.charAt(pos - 1) == 'E' || s.charAt(pos - 1) == 'e')
                            && (pos < 2 || !ExprLexer.isAlnum(s.charAt(pos - 2)));
                    copyQuoted(sql, '\'', escapes);
                } else if (c == '"') {
                    copyQuoted(sql, '"', false);
                } else if (c == '/' && peek(1) == '*') {
                    copyBlockComment(sql);
                } else if (c == '$' && !(pos > 0 && isIdentChar(s.charAt(pos - 1))) && dollarTag() != null) {
                    copyDollarQuoted(sql, dollarTag());
                } else {
                    if (c == '(') depth++;
                    else if (c == ')' && depth > 0) depth--;
                    sql.append(c);
                    pos++;
                }
            }
        }
        flushSql(sql, sqlLine);
    }

    private static boolean isIdentChar(char c) {
        return ExprLexer.isAlnum(c) || c == '$';
    }

    private char peek(int off) {
        int p = pos + off;
        return p < s.length() ? s.charAt(p) : '\0';
    }

    private void copyQuoted(StringBuilder sql, char q, boolean backslashEscapes) {
        sql.append(s.charAt(pos++));
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            sql.append(c);
            if (c == '\n') line++;
            if (backslashEscapes && c == '\\' && pos < s.length()) {
                char e = s.charAt(pos++);
                if (e == '\n') line++;
                sql.append(e);
            } else if (c == q) {
                if (pos < s.length() && s.charAt(pos) == q) {
                    sql.append(s.charAt(pos++));
                } else {
                    return;
                }
            }
        }
    }

    private void copyBlockComment(StringBuilder sql) {
        int nest = 0;
        while (pos < s.length()) {
            if (s.startsWith("/*", pos)) {
                nest++;
                sql.append("/*");
                pos += 2;
            } else if (s.startsWith("*/", pos)) {
                nest--;
                sql.append("*/");
                pos += 2;
                if (nest == 0) return;
            } else {
                char c = s.charAt(pos++);
                if (c == '\n') line++;
                sql.append(c);
            }
        }
    }

    private String dollarTag() {
        int p = pos + 1;
        if (p < s.length() && s.charAt(p) == '$') return "$$";
        if (p >= s.length() || !ExprLexer.isAlpha(s.charAt(p))) return null;
        while (p < s.length() && ExprLexer.isAlnum(s.charAt(p))) p++;
        return p < s.length() && s.charAt(p) == '$' ? s.substring(pos, p + 1) : null;
    }

    private void copyDollarQuoted(StringBuilder sql, String tag) {
        int end = s.indexOf(tag, pos + tag.length());
        int stop = end < 0 ? s.length() : end + tag.length();
        for (int i = pos; i < stop; i++) if (s.charAt(i) == '\n') line++;
        sql.append(s, pos, stop);
        pos = stop;
    }

    private void flushSql(StringBuilder sql, int sqlLine) {
        if (sql.isEmpty()) return;
        String text = sql.toString();
        sql.setLength(0);
        commands.add(sqlCommand(sqlLine, text));
    }

    static Command.Sql sqlCommand(int line, String text) {
        String first = text;
        int nl = indexOfAny(first, "\n\r");
        if (nl >= 0) first = first.substring(0, nl);
        if (first.length() > 127) first = first.substring(0, 127);
        List<String> parts = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        int last = 0;
        int p = 0;
        while ((p = text.indexOf(':', p)) >= 0) {
            int e = p + 1;
            if (e < text.length() && ExprLexer.isAlpha(text.charAt(e))) {
                e++;
                while (e < text.length() && ExprLexer.isAlnum(text.charAt(e))) e++;
                parts.add(text.substring(last, p));
                vars.add(text.substring(p + 1, e));
                last = p = e;
            } else {
                while (p < text.length() && text.charAt(p) == ':') p++;
            }
        }
        parts.add(text.substring(last));
        String[] names = vars.toArray(String[]::new);
        String[] segments = parts.toArray(String[]::new);
        return new Command.Sql(line, first, text, segments, names, jdbcSql(segments), names, Command.Meta.NONE, null);
    }

    /**
     * The text for a JDBC PreparedStatement: each variable becomes {@code ?} and a literal
     * {@code ?} outside quotes and comments (a JSON operator) is escaped as {@code ??}.
     */
    static String jdbcSql(String[] parts) {
        StringBuilder sb = new StringBuilder();
        char quote = 0; // ' " $ - (line comment) * (block comment)
        String tag = null;
        for (int p = 0; p < parts.length; p++) {
            String t = parts[p];
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                char n = i + 1 < t.length() ? t.charAt(i + 1) : 0;
                switch (quote) {
                    case 0 -> {
                        if (c == '\'' || c == '"') quote = c;
                        else if (c == '-' && n == '-') quote = '-';
                        else if (c == '/' && n == '*') quote = '*';
                        else if (c == '$') {
                            int e = t.indexOf('$', i + 1);
                            String cand = e > i ? t.substring(i, e + 1) : null;
                            if (cand != null && cand.substring(1, cand.length() - 1).chars().allMatch(ch -> ExprLexer.isAlnum((char) ch))
                                    && (cand.length() == 2 || ExprLexer.isAlpha(cand.charAt(1)))) {
                                quote = '$';
                                tag = cand;
                                sb.append(cand);
                                i = e;
                                continue;
                            }
                        } else if (c == '?') {
                            sb.append("??");
                            continue;
                        }
                    }
                    case '\'', '"' -> { if (c == quote) quote = 0; }
                    case '-' -> { if (c == '\n') quote = 0; }
                    case '*' -> { if (c == '*' && n == '/') { sb.append("*/"); i++; quote = 0; continue; } }
                    case '$' -> {
                        if (t.startsWith(tag, i)) {
                            sb.append(tag);
                            i += tag.length() - 1;
                            quote = 0;
                            continue;
                        }
                    }
                    default -> { }
                }
                sb.append(c);
            }
            if (p < parts.length - 1) sb.append('?');
        }
        return sb.toString();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    /** Parses a meta-command; {@code pos} is just after the backslash. */
    private void backslash() {
        int cmdLine = line;
        int start = pos - 1;
        // the logical line ends at the first newline not preceded by a continuation backslash
        int end = start;
        while (end < s.length() && s.charAt(end) != '\n') {
            if (s.charAt(end) == '\\' && end + 1 < s.length() && s.charAt(end + 1) == '\n') {
                end += 2;
                line++;
            } else if (s.charAt(end) == '\\' && end + 2 < s.length() && s.charAt(end + 1) == '\r' && s.charAt(end + 2) == '\n') {
                end += 3;
                line++;
            } else {
                end++;
            }
        }
        String full = stripEol(s.substring(start, end));
        String body = s.substring(pos, end);
        pos = end; // the newline itself is consumed by the main loop
        List<String> words = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int i = splitWord(body, 0, words, offsets);
        if (words.isEmpty()) return;
        String name = words.get(0);
        String cmd = name.toLowerCase(Locale.ROOT);
        switch (cmd) {
            case "set", "if", "elif" -> {
                String var = null;
                if (cmd.equals("set")) {
                    i = splitWord(body, i, words, offsets);
                    if (words.size() < 2) throw error(cmdLine, "missing argument", null, name, full, -1);
                    var = words.get(1);
                }
                String exprText = body.substring(i);
                Expr expr;
                try {
                    expr = ExprParser.parse(exprText);
                } catch (ExprParser.SyntaxError se) {
                    throw error(cmdLine, se.getMessage(), se.more, name, full, 1 + i + se.column);
                }
                commands.add(switch (cmd) {
                    case "set" -> new Command.Set(cmdLine, full, var, expr);
                    case "if" -> new Command.If(cmdLine, full, expr);
                    default -> new Command.Elif(cmdLine, full, expr);
                });
                return;
            }
            default -> { }
        }
        while (i < body.length()) i = splitWord(body, i, words, offsets);
        int argc = words.size();
        switch (cmd) {
            case "sleep" -> commands.add(sleep(cmdLine, full, name, words, offsets));
            case "setshell" -> {
                if (argc < 3) throw error(cmdLine, "missing argument", null, name, full, -1);
                commands.add(new Command.SetShell(cmdLine, full, words.get(1), List.copyOf(words.subList(2, argc))));
            }
            case "shell" -> {
                if (argc < 2) throw error(cmdLine, "missing command", null, name, full, -1);
                commands.add(new Command.Shell(cmdLine, full, List.copyOf(words.subList(1, argc))));
            }
            case "else", "endif" -> {
                if (argc != 1) throw error(cmdLine, "unexpected argument", null, name, full, -1);
                commands.add(cmd.equals("else") ? new Command.Else(cmdLine, full) : new Command.Endif(cmdLine, full));
            }
            case "gset", "aset" -> {
                if (argc > 2) throw error(cmdLine, "too many arguments", null, name, full, -1);
                Command prev = commands.isEmpty() ? null : commands.get(commands.size() - 1);
                if (!(prev instanceof Command.Sql sql) || sql.varPrefix() != null) {
                    throw new ScriptException(source, cmdLine, "\\gset must follow an SQL command"
                            + (prev == null ? "" : " (" + prev.firstLine() + ")"));
                }
                String prefix = argc > 1 ? words.get(1) : "";
                commands.set(commands.size() - 1,
                        sql.withMeta(cmd.equals("gset") ? Command.Meta.GSET : Command.Meta.ASET, prefix));
            }
            default -> throw error(cmdLine, "invalid command", null, name, full, -1);
        }
    }

    private Command sleep(int cmdLine, String full, String name, List<String> words, List<Integer> offsets) {
        int argc = words.size();
        if (argc < 2) throw error(cmdLine, "missing argument", null, name, full, -1);
        if (argc > 3) throw error(cmdLine, "too many arguments", null, name, full, 1 + offsets.get(3));
        String amount = words.get(1);
        String unit = argc == 3 ? words.get(2) : null;
        List<String> argv = new ArrayList<>(words);
        if (amount.charAt(0) != ':') {
            int c = 0;
            if (amount.charAt(0) == '+' || amount.charAt(0) == '-') c++;
            int digits = c;
            while (c < amount.length() && ExprLexer.isDigit(amount.charAt(c))) c++;
            if (c < amount.length()) {
                if (argc == 2 && c > digits) {
                    unit = amount.substring(c);
                    argv.add(unit);
                } else {
                    throw error(cmdLine, "invalid sleep time, must be an integer", amount, name, full, 1 + offsets.get(1));
                }
            }
            amount = amount.substring(0, c);
        }
        long mult = 1_000_000;
        if (unit != null) {
            mult = switch (unit.toLowerCase(Locale.ROOT)) {
                case "us" -> 1;
                case "ms" -> 1000;
                case "s" -> 1_000_000;
                default -> throw error(cmdLine, "unrecognized time unit, must be us, ms or s", unit, name, full, -1);
            };
        }
        return new Command.Sleep(cmdLine, full, List.copyOf(argv), amount, mult);
    }

    /** Appends the next blank-separated word of {@code body} from {@code i}; returns the new index. */
    private static int splitWord(String body, int i, List<String> words, List<Integer> offsets) {
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) i++;
            else if (c == '\\' && i + 1 < n && body.charAt(i + 1) == '\n') i += 2;
            else if (c == '\\' && i + 2 < n && body.charAt(i + 1) == '\r' && body.charAt(i + 2) == '\n') i += 3;
            else break;
        }
        if (i >= n) return n;
        int start = i;
        while (i < n) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b || c == '\n') break;
            if (c == '\\' && i + 1 < n && (body.charAt(i + 1) == '\n' || body.charAt(i + 1) == '\r')) break;
            i++;
        }
        words.add(body.substring(start, i));
        offsets.add(start);
        return i;
    }

    private static String stripEol(String t) {
        int e = t.length();
        while (e > 0 && (t.charAt(e - 1) == '\n' || t.charAt(e - 1) == '\r')) e--;
        return t.substring(0, e);
    }

    private ScriptException error(int atLine, String msg, String more, String command, String full, int column) {
        StringBuilder m = new StringBuilder(msg);
        if (more != null) m.append(" (").append(more).append(')');
        if (command != null) m.append(" in command \"").append(command).append('"');
        String detail = full;
        if (column >= 0) detail = full + "\n" + " ".repeat(column) + "^ error found here";
        return new ScriptException(source, atLine, m.toString(), detail);
    }

    private void checkConditionals() {
        Deque<Boolean> stack = new ArrayDeque<>(); // true once \else was seen
        for (Command c : commands) {
            switch (c) {
                case Command.If i -> stack.push(false);
                case Command.Elif e -> {
                    if (stack.isEmpty()) throw new ScriptException(source, c.line(), "\\elif without matching \\if");
                    if (stack.peek()) throw new ScriptException(source, c.line(), "\\elif after \\else");
                }
                case Command.Else e -> {
                    if (stack.isEmpty()) throw new ScriptException(source, c.line(), "\\else without matching \\if");
                    if (stack.peek()) throw new ScriptException(source, c.line(), "\\else after \\else");
                    stack.pop();
                    stack.push(true);
                }
                case Command.Endif e -> {
                    if (stack.isEmpty()) throw new ScriptException(source, c.line(), "\\endif without matching \\if");
                    stack.pop();
                }
                default -> { }
            }
        }
        if (!stack.isEmpty()) {
            throw new ScriptException(source, line, "\\if without matching \\endif");
        }
    }
}
