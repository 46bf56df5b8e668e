package io.carga.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of a JSON check on a response body: one pass over the UTF-8 bytes that validates the whole
 * document as strict JSON (RFC 8259, Jackson's defaults) and builds only the node at the path. Creating a
 * Jackson parser, its buffers and name tables, then reading every name through them, cost more than the rest
 * of a small JSON request in bench/http (a seventh of the scenario's client CPU).
 *
 * <p>It only answers when sure: a root that is not an object or array, anything malformed, a byte order
 * mark, a key with escapes on the path, an integer beyond a {@code long}, nesting deeper than
 * {@value #MAX_DEPTH} levels: for all of these {@link #find} returns null and Jackson reads the body, with
 * its own error message. So it never accepts what Jackson rejects, and gives the node Jackson's tree holds
 * (type included); {@code JsonScanTest} checks both on random and mutated documents.
 */
final class JsonScan {
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_LENGTH = 400;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Thrown to abandon the scan; Jackson then reads the body. Preallocated: it is control flow. */
    private static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private static final Unsure UNSURE = new Unsure();

    private final byte[] b;
    private final int end;
    private final byte[][] names;
    private final int[] indices;
    private int i;

    private JsonScan(byte[] body, byte[][] names, int[] indices) {
        this.b = body;
        this.end = body.length;
        this.names = names;
        this.indices = indices;
    }

    /**
     * The node at the path given as its segments (the UTF-8 name and the index of each, -1 for a name that is
     * no index), a missing node when absent, or null when Jackson must decide.
     */
    static JsonNode find(byte[] body, byte[][] names, int[] indices) {
        JsonScan s = new JsonScan(body, names, indices);
        try {
            s.ws();
            if (s.i >= s.end || (s.b[s.i] != '{' && s.b[s.i] != '[')) {
                return null;   // empty, a BOM, a scalar root (Jackson's rules for what follows one differ)
            }
            return s.value(0, 0);   // what follows the root value is ignored, as Jackson's readTree ignores it
        } catch (Unsure e) {
            return null;
        }
    }

    /** Reads one value; returns the node at the remaining path inside it, or null when it is off the path. */
    private JsonNode value(int depth, int seg) {
        if (seg == names.length) {   // this value is the node asked for
            int from = i;
            skip(depth);
            return node(from, i);
        }
        if (seg < 0) {
            skip(depth);
            return null;
        }
        byte c = at();
        if (c == '{') {
            return object(depth, seg);
        }
        if (c == '[') {
            return array(depth, seg);
        }
        skip(depth);
        return MissingNode.getInstance();
    }

    private void skip(int depth) {
        byte c = at();
        switch (c) {
            case '{' -> object(depth, -1);
            case '[' -> array(depth, -1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private JsonNode object(int depth, int seg) {
        JsonNode found = seg < 0 ? null : MissingNode.getInstance();
        if (!open(depth, '}')) {
            return found;
        }
        while (true) {
            if (at() != '"') {
                throw UNSURE;
            }
            int keyFrom = i + 1;
            boolean plain = string();
            if (seg >= 0 && !plain) {
                throw UNSURE;   // an escaped key on the path: rare, and Jackson decodes it
            }
            boolean match = seg >= 0 && equalsName(keyFrom, i - 1, names[seg]);
            ws();
            if (at() != ':') {
                throw UNSURE;
            }
            i++;
            ws();
            JsonNode v = value(depth + 1, match ? seg + 1 : -1);
            if (match) {
                found = v;   // a name given twice: the last value counts, as in Jackson's tree
            }
            if (!more('}')) {
                return found;
            }
        }
    }

    private JsonNode array(int depth, int seg) {
        JsonNode found = seg < 0 ? null : MissingNode.getInstance();
        if (!open(depth, ']')) {
            return found;
        }
        int want = seg < 0 ? -1 : indices[seg];
        for (int k = 0; ; k++) {
            JsonNode v = value(depth + 1, k == want ? seg + 1 : -1);
            if (k == want) {
                found = v;
            }
            if (!more(']')) {
                return found;
            }
        }
    }

    /** Steps into a container at the cursor; false when it is empty (the cursor then past its end). */
    private boolean open(int depth, char close) {
        if (depth >= MAX_DEPTH) {
            throw UNSURE;
        }
        i++;
        ws();
        if (at() == close) {
            i++;
            return false;
        }
        return true;
    }

    /** After a member or element: true at a comma (the cursor then on the next one), false at {@code close}. */
    private boolean more(char close) {
        ws();
        byte c = at();
        i++;
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw UNSURE;
        }
        ws();
        return true;
    }

    /** Bytes a string holds as they are: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    /** Skips a string from its opening quote; true when it holds no escape. Checks escapes and UTF-8. */
    private boolean string() {
        byte[] b = this.b;
        int end = this.end;
        int k = i + 1;
        boolean plain = true;
        while (true) {
            while (k < end && PLAIN[b[k] & 0xFF]) {
                k++;
            }
            i = k;
            byte c = at();
            if (c == '"') {
                i++;
                return plain;
            }
            if (c == '\\') {
                plain = false;
                escape();
            } else if (c < 0) {
                utf8(c);
            } else {
                throw UNSURE;   // an unescaped control character
            }
            k = i;
        }
    }

    private void escape() {
        i++;
        switch (at()) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i++;
            case 'u' -> {
                i++;
                for (int k = 0; k < 4; k++) {
                    if (Character.digit(at(), 16) < 0) {
                        throw UNSURE;
                    }
                    i++;
                }
            }
            default -> throw UNSURE;
        }
    }

    /** One well-formed UTF-8 sequence (no overlong forms, no surrogates, at most U+10FFFF). */
    private void utf8(byte lead) {
        int c = lead & 0xFF;
        int more;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            min = 0x10000;
        } else {
            throw UNSURE;
        }
        int cp = c & (0x3F >> more);
        i++;
        for (int k = 0; k < more; k++) {
            int n = at() & 0xFF;
            if ((n & 0xC0) != 0x80) {
                throw UNSURE;
            }
            cp = cp << 6 | n & 0x3F;
            i++;
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw UNSURE;
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (at() != word.charAt(k)) {
                throw UNSURE;
            }
            i++;
        }
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, as Jackson reads numbers by default. */
    private void number() {
        int from = i;
        if (at() == '-') {
            i++;
        }
        byte c = at();
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw UNSURE;
        }
        if (i < end && b[i] == '.') {
            i++;
            if (!isDigit(at())) {
                throw UNSURE;
            }
            digits();
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (at() == '+' || b[i] == '-') {
                i++;
            }
            if (!isDigit(at())) {
                throw UNSURE;
            }
            digits();
        }
        if (i - from > MAX_NUMBER_LENGTH) {
            throw UNSURE;
        }
    }

    private void digits() {
        while (i < end && isDigit(b[i])) {
            i++;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private void ws() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    /** The byte at the cursor; running off the end is malformed JSON. */
    private byte at() {
        if (i >= end) {
            throw UNSURE;
        }
        return b[i];
    }

    private boolean equalsName(int from, int to, byte[] name) {
        if (to - from != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {   // names are short: a plain loop beats Arrays.equals' set-up
            if (b[from + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** The node for the value in {@code [from, to)}, already validated. */
    private JsonNode node(int from, int to) {
        return switch (b[from]) {
            case '{', '[' -> tree(from, to);
            case '"' -> NODES.textNode(text(from + 1, to - 1));
            case 't' -> NODES.booleanNode(true);
            case 'f' -> NODES.booleanNode(false);
            case 'n' -> NODES.nullNode();
            default -> numberNode(from, to);
        };
    }

    /** A container at the path: Jackson builds it (the scan has validated it already). */
    private JsonNode tree(int from, int to) {
        try {
            return Json.MAPPER.readTree(b, from, to - from);
        } catch (IOException e) {
            throw UNSURE;
        }
    }

    private JsonNode numberNode(int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if (c == '.' || c == 'e' || c == 'E') {
                return NODES.numberNode(Double.parseDouble(s));
            }
        }
        if (to - from > 19) {
            throw UNSURE;   // may not fit a long: Jackson's BigInteger node
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw UNSURE;
        }
        return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }

    /** A string's content, escapes decoded. */
    private String text(int from, int to) {
        StringBuilder sb = null;
        int run = from;   // the start of the bytes not yet decoded
        int k = from;
        while (k < to) {
            if (b[k] != '\\') {
                k++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(to - from);
            }
            sb.append(new String(b, run, k - run, StandardCharsets.UTF_8));
            byte e = b[k + 1];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.ISO_8859_1), 16));
                    k += 4;
                }
                default -> sb.append((char) e);   // " \ /
            }
            k += 2;
            run = k;
        }
        String rest = new String(b, run, to - run, StandardCharsets.UTF_8);
        return sb == null ? rest : sb.append(rest).toString();
    }
}
