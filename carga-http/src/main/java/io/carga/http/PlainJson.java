package io.carga.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the plain JSON values scenarios post most (maps with string keys, lists, strings, booleans, null,
 * integers and finite doubles) byte for byte as Jackson writes them, without Jackson's per-call set-up:
 * creating a generator and borrowing its buffers cost more than the writing itself, about a sixth of a JSON
 * request's client CPU in bench/http. Anything else (records, beans, other numbers, text with a lone
 * surrogate half) returns null, and Jackson writes it. {@code PlainJsonTest} compares both on random values.
 */
final class PlainJson {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 100;

    /** A buffer grown past this is dropped after the call, so a session does not keep one huge body's. */
    private static final int KEPT_BUFFER = 64 * 1024;

    private byte[] buf = new byte[128];
    private int len;

    /** A writer to keep and reuse from one thread (a session's): its buffer is not allocated per call. */
    PlainJson() {
    }

    /** The JSON of {@code value}, or null when it holds something Jackson must write. */
    static byte[] write(Object value) {
        return new PlainJson().encode(value);
    }

    /** As {@link #write}, with this writer's buffer. */
    byte[] encode(Object value) {
        len = 0;
        byte[] out = value(value, 0) ? Arrays.copyOf(buf, len) : null;
        if (buf.length > KEPT_BUFFER) {
            buf = new byte[128];
        }
        return out;
    }

    private boolean value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (v == null) {
            ascii("null");
        } else if (v instanceof String s) {
            return string(s);
        } else if (v instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            ascii(v.toString());
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return false;
            }
            ascii(d.toString());
        } else if (v instanceof Map<?, ?> m) {
            return object(m, depth);
        } else if (v instanceof List<?> l) {
            return array(l, depth);
        } else {
            return false;
        }
        return true;
    }

    private boolean object(Map<?, ?> m, int depth) {
        put((byte) '{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                return false;
            }
            if (!first) {
                put((byte) ',');
            }
            first = false;
            if (!string(k)) {
                return false;
            }
            put((byte) ':');
            if (!value(e.getValue(), depth + 1)) {
                return false;
            }
        }
        put((byte) '}');
        return true;
    }

    private boolean array(List<?> l, int depth) {
        put((byte) '[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            if (!value(l.get(i), depth + 1)) {
                return false;
            }
        }
        put((byte) ']');
        return true;
    }

    /** A quoted string: Jackson's escapes (short forms for \b \t \n \f \r, \\u00XX for other controls), UTF-8. */
    @SuppressWarnings("deprecation")   // String.getBytes(int, int, byte[], int): see below
    private boolean string(String s) {
        put((byte) '"');
        int n = s.length();
        int i = 0;
        while (i < n) {   // the usual case, plain ASCII, is copied in one go
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            i++;
        }
        if (i > 0) {
            ensure(i);
            s.getBytes(0, i, buf, len);   // low byte of each char: exact for ASCII, and no encoder set-up
            len += i;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                put((byte) c);
            } else if (c < 0x80) {
                escape(c);
            } else if (c < 0x800) {
                put((byte) (0xC0 | c >> 6));
                put((byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put((byte) (0xF0 | cp >> 18));
                put((byte) (0x80 | cp >> 12 & 0x3F));
                put((byte) (0x80 | cp >> 6 & 0x3F));
                put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                put((byte) (0xE0 | c >> 12));
                put((byte) (0x80 | c >> 6 & 0x3F));
                put((byte) (0x80 | c & 0x3F));
            }
        }
        put((byte) '"');
        return true;
    }

    private void escape(char c) {
        put((byte) '\\');
        switch (c) {
            case '"', '\\' -> put((byte) c);
            case '\b' -> put((byte) 'b');
            case '\t' -> put((byte) 't');
            case '\n' -> put((byte) 'n');
            case '\f' -> put((byte) 'f');
            case '\r' -> put((byte) 'r');
            default -> {
                ascii("u00");
                put(HEX[c >> 4]);
                put(HEX[c & 0xF]);
            }
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void put(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, len * 2);
        }
        buf[len++] = b;
    }
}
