package io.carga.core.threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses threshold expressions once, into {@link Expression} records. The grammar (k6-like, plus the
 * spec's own "limit first" order):
 *
 * <pre>
 * expression := lhs op value          p95 &lt; 500ms      error_rate &lt; 1%      rps{tier=ai} &gt;= 1000/min
 *             | op value [lhs]        &lt; 800ms p95      &lt; R$ 12  (the metric then comes from the context)
 * lhs        := metric [scope]
 * metric     := 'p' NUMBER | 'p(' NUMBER ')' | IDENT      p95, p(99.9), mean, max, error_rate, rps, cost…
 * scope      := '{' selector (',' selector)* '}'
 * selector   := key ('=' | ':') text     key 'name' (request name), 'tier', 'group'; any other key is a tag
 *                                      text may contain spaces and '*' as a wildcard
 * op         := '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '=' | '!='
 * value      := [currency] NUMBER [unit]
 * currency   := 'R$' | 'US$' | '$' | '€'
 * unit       := time: 'us' | 'ms' | 's' | 'sec' | 'seconds' | 'm' | 'min' | 'minutes' | 'h' | 'hours'
 *             | ratio: '%'
 *             | rate: '/s' | 'rps' | '/m' | '/min' | '/h'
 * </pre>
 *
 * The unit must fit the metric's {@link Kind}: times default to milliseconds, ratios are a fraction
 * without {@code %} ({@code 0.01} = {@code 1%}), rates are per second. Errors carry the 1-based column.
 *
 * <pre>{@code
 * Expression e = new ThresholdParser(MetricRegistry.builtIn()).parse("p95{tier=api_endpoints} < 500ms");
 * }</pre>
 */
public final class ThresholdParser {
    private static final Pattern LHS = Pattern.compile(
            "(?:p\\((\\d+(?:\\.\\d+)?)\\)|p(\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_.]*))\\s*(?:\\{(.*)})?");
    private static final Pattern VALUE = Pattern.compile(
            "(R\\$|US\\$|\\$|€)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:(us|µs|ms|seconds?|sec|s|minutes?|min|m|hours?|h|%|/s|rps|/min|/m|/h)(?=\\s|$))?(?:\\s+(.*))?");

    private final MetricRegistry registry;

    public ThresholdParser(MetricRegistry registry) {
        this.registry = registry;
    }

    public Expression parse(String text) {
        return parse(text, null);
    }

    /**
     * @param defaultMetric the metric when the text names none ({@code "< R$ 12"} under the key
     *                      {@code cost_per_user_per_month}), or null when it must name one
     */
    public Expression parse(String text, Metric defaultMetric) {
        if (text == null || text.isBlank()) {
            throw new ThresholdSyntaxException("empty threshold (expected e.g. 'p95 < 500ms')", 1);
        }
        int opAt = findOp(text);
        if (opAt < 0) {
            throw new ThresholdSyntaxException("no comparison in '" + text + "' (expected <, <=, >, >=, == or !=)", text.length());
        }
        int opEnd = opAt + 1;
        if (opEnd < text.length() && text.charAt(opEnd) == '=') {
            opEnd++;
        }
        Op op = Op.of(text.substring(opAt, opEnd));
        if (op == null) {
            throw new ThresholdSyntaxException("unknown comparison '" + text.substring(opAt, opEnd) + "'", opAt + 1);
        }
        String left = text.substring(0, opAt).trim();
        String right = text.substring(opEnd).trim();
        int rightCol = opEnd + 1 + leading(text.substring(opEnd));
        String lhs;
        int lhsCol;
        Matcher v = VALUE.matcher(right);
        if (!v.matches()) {
            throw new ThresholdSyntaxException("expected a number after '" + op.symbol() + "' in '" + text + "'", rightCol);
        }
        String rest = v.group(4);
        if (left.isEmpty()) {
            lhs = rest;
            lhsCol = rest == null ? rightCol : rightCol + right.lastIndexOf(rest);
        } else {
            if (rest != null) {
                throw new ThresholdSyntaxException("unexpected '" + rest + "' after the limit", rightCol + right.lastIndexOf(rest));
            }
            lhs = left;
            lhsCol = 1 + leading(text);
        }
        Metric metric;
        Scope scope = Scope.ALL;
        if (lhs == null) {
            if (defaultMetric == null) {
                throw new ThresholdSyntaxException("no metric in '" + text + "' (write e.g. '< 800ms p95')", text.length());
            }
            metric = defaultMetric;
        } else {
            Matcher m = LHS.matcher(lhs);
            if (!m.matches()) {
                throw new ThresholdSyntaxException("malformed metric '" + lhs + "' (expected e.g. p95, p(99.9), error_rate, rps{tier=api})", lhsCol);
            }
            String pct = m.group(1) != null ? m.group(1) : m.group(2);
            try {
                metric = pct != null ? Metric.percentile(Double.parseDouble(pct)) : Metric.named(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new ThresholdSyntaxException(e.getMessage(), lhsCol);
            }
            if (m.group(4) != null) {
                scope = scope(m.group(4), lhsCol + lhs.indexOf('{') + 1);
            }
        }
        return value(text, metric, scope, op, v, rightCol);
    }

    private Expression value(String text, Metric metric, Scope scope, Op op, Matcher v, int col) {
        String currency = v.group(1);
        double n = Double.parseDouble(v.group(2));
        String unit = v.group(3) == null ? "" : v.group(3).toLowerCase(Locale.ROOT);
        Kind kind = registry.find(metric) != null ? registry.kind(metric) : inferred(currency, unit);
        if (currency != null && kind != Kind.MONEY) {
            throw new ThresholdSyntaxException(metric.label() + " is not an amount of money", col);
        }
        double limit = switch (kind) {
            case TIME -> n * switch (unit) {
                case "", "ms" -> 1;
                case "us", "µs" -> 0.001;
                case "s", "sec", "second", "seconds" -> 1000;
                case "m", "min", "minute", "minutes" -> 60_000;
                case "h", "hour", "hours" -> 3_600_000;
                default -> throw unit(metric, "a duration such as 500ms or 2s", col);
            };
            case RATIO -> switch (unit) {
                case "%" -> n / 100;
                case "" -> {
                    if (n > 1) {
                        throw new ThresholdSyntaxException(metric.label() + " is a fraction: write " + Kind.trim(n) + "% or " + Kind.trim(n / 100), col);
                    }
                    yield n;
                }
                default -> throw unit(metric, "a ratio such as 1% or 0.01", col);
            };
            case RATE -> n * switch (unit) {
                case "", "/s", "rps" -> 1;
                case "/m", "/min" -> 1 / 60.0;
                case "/h" -> 1 / 3600.0;
                default -> throw unit(metric, "a rate such as 100, 100/s or 6000/min", col);
            };
            case MONEY, COUNT, SCORE -> {
                if (!unit.isEmpty()) {
                    throw unit(metric, "a plain number", col);
                }
                yield n;
            }
        };
        return new Expression(metric, scope, op, limit, kind, currency, text.trim());
    }

    /** The kind of a metric no module has registered (yet), from how its limit is written. */
    private static Kind inferred(String currency, String unit) {
        if (currency != null) {
            return Kind.MONEY;
        }
        return switch (unit) {
            case "" -> Kind.COUNT;
            case "%" -> Kind.RATIO;
            case "/s", "rps", "/m", "/min", "/h" -> Kind.RATE;
            default -> Kind.TIME;
        };
    }

    private static ThresholdSyntaxException unit(Metric metric, String expected, int col) {
        return new ThresholdSyntaxException("wrong unit for " + metric.label() + ": expected " + expected, col);
    }

    static Scope scope(String body, int col) {
        List<Selector> list = new ArrayList<>();
        int at = 0;
        for (String part : body.split(",", -1)) {
            int sep = indexOfSep(part);
            if (sep <= 0 || part.substring(sep + 1).isBlank()) {
                throw new ThresholdSyntaxException("malformed scope '" + part.trim() + "' (expected key=value, e.g. tier=api_endpoints)", col + at);
            }
            String key = part.substring(0, sep).trim();
            String value = part.substring(sep + 1).trim();
            list.add(switch (key) {
                case "name" -> new Selector.Name(value);
                case "tier" -> new Selector.Tier(value);
                case "group" -> new Selector.Group(value);
                default -> new Selector.Tag(key, value);
            });
            at += part.length() + 1;
        }
        return new Scope(list);
    }

    private static int indexOfSep(String part) {
        int eq = part.indexOf('=');
        int colon = part.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The first comparison operator outside braces, or -1. */
    private static int findOp(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && (c == '<' || c == '>' || c == '=' || (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '='))) {
                return i;
            }
        }
        return -1;
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
