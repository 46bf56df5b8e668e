package io.carga.http.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ordered list of header fields with case-insensitive lookup.
 *
 * <p>Response headers stay as the raw bytes read from the socket plus offsets; a name or value becomes a
 * {@code String} only when asked for. That keeps the quick mode, which never looks at headers, free of
 * per-header allocation.
 *
 * <pre>{@code
 * Headers h = Headers.of("Accept", "application/json", "X-Tenant", "t1");
 * h.first("accept");   // "application/json"
 * }</pre>
 */
public final class Headers {

    public static final Headers EMPTY = new Headers(new String[0]);

    private final byte[] raw;      // response side: the header block as received, or null
    private final int[] offsets;   // 4 per field: name start, name end, value start, value end
    private final int count;
    private final String[] strings; // 2 per field, filled on demand for response headers

    private Headers(String[] pairs) {
        this.raw = null;
        this.offsets = null;
        this.count = pairs.length / 2;
        this.strings = pairs;
    }

    Headers(byte[] raw, int[] offsets, int count) {
        this.raw = raw;
        this.offsets = offsets;
        this.count = count;
        this.strings = new String[count * 2];
    }

    /** Headers from name/value pairs; each name and value is validated. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs, got an odd count");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return count;
    }

    public String name(int i) {
        return string(i, 0);
    }

    public String value(int i) {
        return string(i, 1);
    }

    /** The first value of the named header, or null. */
    public String first(String name) {
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                return value(i);
            }
        }
        return null;
    }

    /** All values of the named header, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                out.add(value(i));
            }
        }
        return out;
    }

    public boolean contains(String name) {
        for (int i = 0; i < count; i++) {
            if (nameIs(i, name)) {
                return true;
            }
        }
        return false;
    }

    /** Names as received, values of repeated names joined in order. */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            m.computeIfAbsent(name(i), k -> new ArrayList<>(1)).add(value(i));
        }
        return m;
    }

    /** A builder that starts with these fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < count; i++) {
            b.pairs.add(name(i));
            b.pairs.add(value(i));
        }
        return b;
    }

    boolean nameIs(int i, String name) {
        if (raw == null) {
            return strings[2 * i].equalsIgnoreCase(name);
        }
        int s = offsets[4 * i];
        int e = offsets[4 * i + 1];
        if (e - s != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (lower(raw[s + k]) != lower((byte) name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private String string(int i, int which) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        String s = strings[2 * i + which];
        if (s == null) {
            int start = offsets[4 * i + 2 * which];
            int end = offsets[4 * i + 2 * which + 1];
            s = new String(raw, start, end - start, StandardCharsets.ISO_8859_1);
            strings[2 * i + which] = s;
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(name(i)).append(": ").append(value(i)).append('\n');
        }
        return sb.toString();
    }

    /** Collects header fields, rejecting names that are not HTTP tokens and values with line breaks. */
    public static final class Builder {
        private final List<String> pairs = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            pairs.add(checkName(name));
            pairs.add(checkValue(name, value));
            return this;
        }

        /** Replaces every field of this name with one. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        public Builder remove(String name) {
            for (int i = pairs.size() - 2; i >= 0; i -= 2) {
                if (pairs.get(i).equalsIgnoreCase(name)) {
                    pairs.remove(i + 1);
                    pairs.remove(i);
                }
            }
            return this;
        }

        public Builder addAll(Headers h) {
            for (int i = 0; i < h.size(); i++) {
                add(h.name(i), h.value(i));
            }
            return this;
        }

        public Headers build() {
            return pairs.isEmpty() ? EMPTY : new Headers(pairs.toArray(String[]::new));
        }
    }

    static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("malformed header: empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!token) {
                throw new IllegalArgumentException("malformed header name '" + name + "': character '"
                        + (c < 32 ? "\\u" + Integer.toHexString(c) : String.valueOf(c)) + "' is not allowed");
            }
        }
        return name;
    }

    static String checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("malformed header '" + name + "': null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 255) {
                throw new IllegalArgumentException("malformed header '" + name + "': value has a line break,"
                        + " NUL or a character outside ISO-8859-1 at index " + i);
            }
        }
        return value;
    }
}
