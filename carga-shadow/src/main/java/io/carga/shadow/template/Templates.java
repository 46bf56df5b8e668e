package io.carga.shadow.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups request paths into endpoints, so that {@code /api/v1/business/biz_7} and {@code /biz_9} are one
 * endpoint, {@code GET /api/v1/business/{id}}, with one diff rate and one latency comparison.
 *
 * <p>Patterns given with {@code --endpoint} come first, in their order: {@code /api/v1/business/{id}/generations},
 * where a {@code {name}} or {@code *} segment matches any one segment and a last {@code **} any rest. A path no
 * pattern matches is grouped by itself: a segment holding a digit is an id ({@code {id}}), except an API version
 * ({@code v1}, {@code v1beta}); so is a long opaque token (24 characters or more).
 */
public final class Templates {
    private static final Pattern VERSION = Pattern.compile("v\\d+[a-z]*");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    private final List<String[]> patterns;
    private final List<String> texts;

    private Templates(List<String> texts) {
        this.texts = List.copyOf(texts);
        this.patterns = new ArrayList<>();
        for (String t : texts) {
            if (!t.startsWith("/")) {
                throw new IllegalArgumentException("--endpoint patterns are paths starting with '/', got '" + t + "'");
            }
            patterns.add(segments(t));
        }
    }

    /** The automatic grouping alone. */
    public static Templates automatic() {
        return new Templates(List.of());
    }

    /** {@code patterns} first, then the automatic grouping. */
    public static Templates of(List<String> patterns) {
        return new Templates(patterns);
    }

    /** {@code GET /api/v1/business/{id}}: the method and the path's template. */
    public String endpoint(String method, String path) {
        return method + " " + template(path);
    }

    public String template(String path) {
        String[] segs = segments(path);
        for (int i = 0; i < patterns.size(); i++) {
            if (matches(patterns.get(i), segs)) {
                return texts.get(i);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : segs) {
            sb.append('/').append(isId(s) ? "{id}" : s);
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    static boolean isId(String segment) {
        if (segment.length() >= 24) {
            return true;
        }
        return DIGIT.matcher(segment).matches() && !VERSION.matcher(segment).matches();
    }

    private static boolean matches(String[] pattern, String[] path) {
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.equals("**") && i == pattern.length - 1) {
                return true;
            }
            if (i >= path.length) {
                return false;
            }
            boolean any = p.equals("*") || (p.startsWith("{") && p.endsWith("}"));
            if (!any && !p.equals(path[i])) {
                return false;
            }
        }
        return pattern.length == path.length;
    }

    private static String[] segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
