package io.carga.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/**
 * A compiled JSON path: the small subset of JSONPath that names one node.
 *
 * <p>Grammar (parsed once, when the check is created):
 * <pre>
 *   path    := "$"? segment* | "/" json-pointer
 *   segment := "." name | "[" digits "]" | "['" text "']" | name   (a bare name only first)
 *   name    := one or more characters other than . [ ] '
 * </pre>
 * Examples: {@code $.content}, {@code $.items[0].price}, {@code choices[0].message.content},
 * {@code $['odd.key']}, {@code /items/0/price}. A malformed path throws {@link IllegalArgumentException}
 * at the scenario line that wrote it.
 */
public final class JsonPath {

    private final String text;
    private final JsonPointer pointer;

    /** The pointer's segments for {@link JsonScan}: each name in UTF-8, and its index (-1 when none). */
    private final byte[][] names;
    private final int[] indices;

    private JsonPath(String text, JsonPointer pointer) {
        this.text = text;
        this.pointer = pointer;
        int n = 0;
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
            n++;
        }
        this.names = new byte[n][];
        this.indices = new int[n];
        int k = 0;
        for (JsonPointer p = pointer; !p.matches(); p = p.tail(), k++) {
            names[k] = p.getMatchingProperty().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            indices[k] = p.getMatchingIndex();
        }
    }

    private static final int CACHE_LIMIT = 1024;
    private static final java.util.Map<String, JsonPath> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Compiles a path. Paths written inline in a task are compiled once: up to 1,024 distinct paths are kept
     * (the cache is a pure function of the text, so sharing it across runs and users is safe).
     */
    public static JsonPath compile(String path) {
        JsonPath cached = path == null ? null : CACHE.get(path);
        if (cached != null) {
            return cached;
        }
        JsonPath p = parse(path);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(path, p);
        }
        return p;
    }

    private static JsonPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("malformed JSON path: empty");
        }
        if (path.startsWith("/")) {
            try {
                return new JsonPath(path, JsonPointer.compile(path));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed JSON path '" + path + "': " + e.getMessage(), e);
            }
        }
        StringBuilder ptr = new StringBuilder();
        int i = 0;
        int n = path.length();
        if (path.charAt(0) == '$') {
            i = 1;
        } else {
            i = name(path, 0, ptr);
        }
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                if (i + 1 >= n || "[.]'".indexOf(path.charAt(i + 1)) >= 0) {
                    throw bad(path, i + 1, "a name must follow '.'");
                }
                i = name(path, i + 1, ptr);
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw bad(path, i, "'[' is not closed");
                }
                String inner = path.substring(i + 1, close);
                if (inner.matches("\\d+")) {
                    ptr.append('/').append(inner);
                } else if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) {
                    ptr.append('/').append(escape(inner.substring(1, inner.length() - 1)));
                } else {
                    throw bad(path, i + 1, "expected an index or a quoted name inside [ ]");
                }
                i = close + 1;
            } else {
                throw bad(path, i, "expected '.' or '['");
            }
        }
        return new JsonPath(path, JsonPointer.compile(ptr.toString()));
    }

    private static int name(String path, int from, StringBuilder ptr) {
        int i = from;
        while (i < path.length() && "[.]'".indexOf(path.charAt(i)) < 0) {
            i++;
        }
        if (i == from) {
            throw bad(path, from, "expected a name");
        }
        ptr.append('/').append(escape(path.substring(from, i)));
        return i;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static IllegalArgumentException bad(String path, int index, String why) {
        return new IllegalArgumentException("malformed JSON path '" + path + "' at index " + index + ": " + why);
    }

    /** The node at this path, or a missing node ({@link JsonNode#isMissingNode()}). */
    public JsonNode find(JsonNode root) {
        return root.at(pointer);
    }

    /**
     * The node at this path in a JSON document, or a missing node, without building the whole tree: only the
     * node found is built; everything else is tokenized and skipped, never decoded (a check on one field of a
     * response otherwise pays for every string and number in it). The whole value is still read, so malformed
     * JSON anywhere in it throws, as a full parse would. A name given twice: the last one counts, as in
     * a tree. {@link JsonScan} answers first, without a Jackson parser; Jackson reads what it is unsure of.
     *
     * @throws IOException when the bytes are not one JSON value
     */
    public JsonNode find(byte[] json) throws IOException {
        JsonNode fast = JsonScan.find(json, names, indices);
        if (fast != null) {
            return fast;
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "no JSON value in the body");
            }
            return seek(p, pointer);   // what follows the value is ignored, as the tree parse ignores it
        }
    }

    /** Reads the value at the parser's current token; returns the node at {@code at} inside it. */
    private static JsonNode seek(JsonParser p, JsonPointer at) throws IOException {
        if (at.matches()) {
            return node(p);
        }
        JsonNode found = MissingNode.getInstance();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            String want = at.getMatchingProperty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = want.equals(p.currentName());
                p.nextToken();
                if (match) {
                    found = seek(p, at.tail());
                } else {
                    p.skipChildren();
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            int want = at.getMatchingIndex();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                if (i == want) {
                    found = seek(p, at.tail());
                } else {
                    p.skipChildren();
                }
            }
        }
        return found;
    }

    /**
     * The value at the parser's current token. A scalar is built directly: {@code readTree} would set up a
     * deserialization context for it on every check (measured: a tenth of a JSON check's cost).
     */
    private static JsonNode node(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> f.numberNode(p.getIntValue());
                case LONG -> f.numberNode(p.getLongValue());
                default -> f.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
            default -> Json.MAPPER.readTree(p);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
