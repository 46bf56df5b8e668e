package io.carga.shadow.diff;

import java.util.List;

/**
 * Fields listed as noise by hand ({@code --ignore PATH}): a JSON path ({@code $.meta.generated_at}, {@code [*]} for
 * any index), a header ({@code header:X-Build}), {@code status} or {@code body}. A path also covers what lies under
 * it: {@code $.meta} ignores {@code $.meta.took_ms}.
 */
public record Ignored(List<String> paths) {
    public static final Ignored NONE = new Ignored(List.of());

    public Ignored {
        paths = List.copyOf(paths);
        for (String p : paths) {
            if (!(p.startsWith("$") || p.startsWith("header:") || p.equals("status") || p.equals("body"))) {
                throw new IllegalArgumentException("--ignore takes a JSON path ($.field), header:NAME, status or body; got '" + p + "'");
            }
        }
    }

    public boolean covers(String field) {
        for (String p : paths) {
            if (p.regionMatches(true, 0, "header:", 0, 7) ? field.equalsIgnoreCase(p) : covers(p, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(String p, String field) {
        String g = JsonFields.general(p);
        return field.equals(g) || field.startsWith(g + ".") || field.startsWith(g + "[");
    }
}
