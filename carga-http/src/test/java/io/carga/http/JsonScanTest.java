package io.carga.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan against Jackson's tree: it answers what the tree holds, or leaves the body to Jackson. */
class JsonScanTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void findsWhatJacksonsTreeHoldsInRandomDocuments() throws Exception {
        Random r = new Random(7);
        int answered = 0;
        int total = 0;
        for (int d = 0; d < 3_000; d++) {
            List<String> paths = new ArrayList<>();
            String text = value(r, 0, "", paths);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            JsonNode tree = JACKSON.readTree(bytes);
            paths.add("/absent");
            paths.add("/0/absent/1");
            for (String path : paths) {
                JsonPointer p = JsonPointer.compile(path);
                JsonNode fast = scan(bytes, path);
                total++;
                if (fast != null) {
                    answered++;
                    JsonNode expected = tree.at(p);
                    assertThat(fast).as("%s in %s", path, text).isEqualTo(expected);
                    assertThat(fast.getClass()).as("%s in %s", path, text).isEqualTo(expected.getClass());
                }
            }
        }
        assertThat(answered).as("answered by the scan, of %d", total).isGreaterThan(total * 9 / 10);
    }

    @Test
    void neverAcceptsWhatJacksonRejects() throws Exception {
        Random r = new Random(11);
        int rejected = 0;
        for (int d = 0; d < 20_000; d++) {
            List<String> paths = new ArrayList<>();
            byte[] bytes = mutate(r, value(r, 0, "", paths).getBytes(StandardCharsets.UTF_8));
            String path = paths.isEmpty() ? "/x" : paths.get(r.nextInt(paths.size()));
            JsonNode tree;
            try {
                tree = JACKSON.readTree(bytes);
            } catch (Exception e) {
                rejected++;
                assertThat(scan(bytes, path)).as("malformed: %s", new String(bytes, StandardCharsets.UTF_8)).isNull();
                continue;
            }
            JsonNode fast = scan(bytes, path);
            if (fast != null && tree != null) {
                assertThat(fast).as("%s in %s", path, new String(bytes, StandardCharsets.UTF_8))
                        .isEqualTo(tree.at(JsonPointer.compile(path)));
            }
        }
        assertThat(rejected).as("mutations Jackson rejects").isGreaterThan(5_000);
    }

    @Test
    void leavesToJacksonWhatItIsNotSureOf() {
        assertThat(scan("\"text at the root\"", "")).isNull();
        assertThat(scan("\uFEFF{\"a\":1}", "/a")).isNull();
        assertThat(scan("{\"a\":123456789012345678901234567890}", "/a")).isNull();
        assertThat(scan("{\"\\u0061\":1}", "/a")).isNull();
        assertThat(scan("{\"a\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1), "/a")).isNull();   // not UTF-8
        assertThat(scan("{\"a\":\"ok\"", "/a")).isNull();
        assertThat(scan("{\"a\":01}", "/a")).isNull();
        assertThat(scan("{\"a\":\"tab\there\"}", "/a")).isNull();
        assertThat(scan("[1,]", "/0")).isNull();
        assertThat(scan("[".repeat(300) + "]".repeat(300), "/0")).isNull();
    }

    @Test
    void readsTheUsualResponseWithoutJackson() {
        String body = "{\"status\":\"ok\",\"content\":\"P\u00e3o quentinho \\\"fresco\\\"\",\"score\":0.82,\"n\":3}";
        assertThat(scan(body, "/status").textValue()).isEqualTo("ok");
        assertThat(scan(body, "/content").textValue()).isEqualTo("P\u00e3o quentinho \"fresco\"");
        assertThat(scan(body, "/score").doubleValue()).isEqualTo(0.82);
        assertThat(scan(body, "/n").intValue()).isEqualTo(3);
        assertThat(scan(body, "/missing").isMissingNode()).isTrue();
    }

    private static JsonNode scan(String json, String pointer) {
        return scan(json.getBytes(StandardCharsets.UTF_8), pointer);
    }

    private static JsonNode scan(byte[] json, String pointer) {
        List<byte[]> names = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            names.add(p.getMatchingProperty().getBytes(StandardCharsets.UTF_8));
            indices.add(p.getMatchingIndex());
        }
        return JsonScan.find(json, names.toArray(new byte[0][]), indices.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A random document, containers at the root; every path inside it goes to {@code paths}. */
    private static String value(Random r, int depth, String at, List<String> paths) {
        int kind = depth == 0 ? r.nextInt(2) : r.nextInt(depth > 4 ? 7 : 9);
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case 0, 7 -> {
                sb.append('{').append(ws(r));
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    String key = r.nextInt(6) == 0 ? "k" : "k" + k + (r.nextInt(4) == 0 ? "\u00e9" : "");
                    paths.add(at + "/" + key);
                    sb.append(k > 0 ? "," + ws(r) : "").append('"').append(key).append('"').append(ws(r)).append(':')
                            .append(ws(r)).append(value(r, depth + 1, at + "/" + key, paths)).append(ws(r));
                }
                sb.append('}');
            }
            case 1, 8 -> {
                sb.append('[').append(ws(r));
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    paths.add(at + "/" + k);
                    sb.append(k > 0 ? "," + ws(r) : "").append(value(r, depth + 1, at + "/" + k, paths)).append(ws(r));
                }
                sb.append(']');
            }
            case 2 -> sb.append(string(r));
            case 3 -> sb.append(List.of("true", "false", "null").get(r.nextInt(3)));
            case 4 -> sb.append(r.nextInt(3) == 0 ? Long.toString(r.nextLong()) : Integer.toString(r.nextInt(2001) - 1000));
            case 5 -> sb.append(List.of("0", "-0", "1.5", "-0.25e-3", "6.02E23", "1e400", "2147483648", "-2147483649",
                    "0.1", "123.456e+2").get(r.nextInt(10)));
            default -> sb.append(string(r));
        }
        return sb.toString();
    }

    private static String string(Random r) {
        String[] parts = {"ok", "P\u00e3o", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\ud83d\\ude00", "\ud83d\ude00",
                "a b", "\u20ac", "\\u0000", ""};
        StringBuilder sb = new StringBuilder("\"");
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.append('"').toString();
    }

    private static String ws(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> "\t";
            default -> "";
        };
    }

    /** One to three random edits: a byte changed, inserted or removed, or the end cut off. */
    private static byte[] mutate(Random r, byte[] in) {
        byte[] pool = "{}[]\",:\\ 0123456789.eE+-tfnulx\u0001".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = in;
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            byte nb = r.nextInt(10) == 0 ? (byte) (0x80 + r.nextInt(0x80)) : pool[r.nextInt(pool.length)];
            switch (r.nextInt(4)) {
                case 0 -> b[at] = nb;
                case 1 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = nb;
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 2 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
        }
        return b;
    }
}
