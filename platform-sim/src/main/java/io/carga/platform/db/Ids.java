package io.carga.platform.db;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public ids in the spec's form: {@code biz_123} and {@code user_4567}. The database keys are the plain
 * numbers (so the spec's SQL, which uses numbers, runs as written); the API accepts either form and
 * answers with the prefixed one.
 */
public final class Ids {
    private static final Pattern BIZ = Pattern.compile("(?:biz_)?([1-9][0-9]{0,17})");
    private static final Pattern USER = Pattern.compile("(?:user_)?([1-9][0-9]{0,17})");

    private Ids() {}

    public static OptionalLong parseBusiness(String raw) {
        return parse(BIZ, raw);
    }

    public static OptionalLong parseUser(String raw) {
        return parse(USER, raw);
    }

    public static String business(long id) {
        return "biz_" + id;
    }

    public static String user(long id) {
        return "user_" + id;
    }

    private static OptionalLong parse(Pattern p, String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        Matcher m = p.matcher(raw.trim());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
