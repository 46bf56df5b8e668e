package io.carga.cli.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of Prometheus' text format and of PromQL to ask "does this rule read series that this target
 * exposes?" without a Prometheus: a scrape parsed into series, and the vector selectors of an expression.
 * Good for the expressions carga exports (functions, aggregations with {@code by}, range selectors,
 * comparisons), not for every PromQL program.
 */
final class Exposition {
    /** One sample line of a scrape. */
    record Series(String name, Map<String, String> labels, double value) {
    }

    /** {@code label op "value"}, op one of {@code = != =~ !~}. */
    record LabelMatcher(String label, String op, String value) {
        boolean test(Map<String, String> labels) {
            String v = labels.getOrDefault(label, "");
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                // PromQL regexes are anchored at both ends
                case "=~" -> v.matches(value);
                case "!~" -> !v.matches(value);
                default -> throw new IllegalArgumentException(op);
            };
        }
    }

    /** A vector selector: a metric name and its label matchers. */
    record Selector(String metric, List<LabelMatcher> matchers) {
        boolean selects(Series s) {
            return s.name().equals(metric) && matchers.stream().allMatch(m -> m.test(s.labels()));
        }
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)\\})?");
    private static final List<String> KEYWORDS = List.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset");

    private Exposition() {
    }

    static List<Series> parse(String text) {
        List<Series> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            String rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                labels.putAll(labels(line.substring(brace + 1, close)));
                rest = line.substring(close + 1).trim();
            } else {
                name = line.substring(0, space);
                rest = line.substring(space + 1).trim();
            }
            out.add(new Series(name, labels, Double.parseDouble(rest.split(" ")[0])));
        }
        return out;
    }

    /** The vector selectors of {@code expr}: names not called as functions, with their braces. */
    static List<Selector> selectors(String expr) {
        // Grouping labels, range and offset durations hold identifiers that are no metric names.
        String e = expr.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ").replaceAll("\\[[^\\]]*\\]", " ");
        List<Selector> out = new ArrayList<>();
        Matcher m = SELECTOR.matcher(e);
        while (m.find()) {
            String name = m.group(1);
            String after = e.substring(m.end()).stripLeading();
            if (KEYWORDS.contains(name) || (m.group(2) == null && after.startsWith("("))) {
                continue;
            }
            List<LabelMatcher> matchers = new ArrayList<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    matchers.add(new LabelMatcher(l.group(1), l.group(2), unescape(l.group(3))));
                }
            }
            out.add(new Selector(name, matchers));
        }
        return out;
    }

    private static Map<String, String> labels(String inside) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher l = LABEL.matcher(inside);
        while (l.find()) {
            out.put(l.group(1), unescape(l.group(3)));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }
}
