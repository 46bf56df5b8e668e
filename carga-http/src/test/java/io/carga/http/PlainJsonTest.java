package io.carga.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesRandomPlainValuesByteForByteAsJackson() throws Exception {
        Random r = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            Object v = value(r, 0);
            byte[] plain = PlainJson.write(v);
            assertThat(plain).as("plain JSON for %s", v).isNotNull();
            assertThat(new String(plain, "UTF-8")).as("value %d", i).isEqualTo(JACKSON.writeValueAsString(v));
        }
    }

    @Test
    void aReusedWriterWritesEachValueAsAFreshOne() throws Exception {
        PlainJson reused = new PlainJson();
        Random r = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Object v = i % 100 == 0 ? List.of("x".repeat(70_000)) : value(r, 0);   // now and then past the kept buffer
            assertThat(new String(reused.encode(v), "UTF-8")).as("value %d", i).isEqualTo(JACKSON.writeValueAsString(v));
        }
    }

    @Test
    void everyAsciiCharacterIsEscapedAsJacksonEscapesIt() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            sb.append(c);
        }
        Map<String, Object> m = Map.of(sb.toString(), sb.toString());
        assertThat(PlainJson.write(m)).isEqualTo(JACKSON.writeValueAsBytes(m));
    }

    @Test
    void leavesToJacksonWhatItDoesNotWrite() {
        record Prompt(String text) {
        }
        Map<Object, Object> intKeys = new HashMap<>();
        intKeys.put(1, "a");
        assertThat(PlainJson.write(new Prompt("x"))).isNull();
        assertThat(PlainJson.write(Map.of("a", List.of(1, new Prompt("x"))))).isNull();
        assertThat(PlainJson.write(intKeys)).isNull();
        assertThat(PlainJson.write(Map.of("n", BigDecimal.ONE))).isNull();
        assertThat(PlainJson.write(Map.of("n", Double.NaN))).isNull();
        assertThat(PlainJson.write(Map.of("n", 1.5f))).isNull();
        assertThat(PlainJson.write("lone \uD83D half")).isNull();
        Object deep = "x";
        for (int i = 0; i < 200; i++) {
            deep = List.of(deep);
        }
        assertThat(PlainJson.write(deep)).isNull();
    }

    @Test
    void jsonWriteGivesJacksonsBytesEitherWay() throws Exception {
        record Prompt(String text, int max) {
        }
        Object bean = Map.of("p", new Prompt("Crie um post", 300));
        assertThat(Json.write(bean)).isEqualTo(JACKSON.writeValueAsBytes(bean));
        Object plain = Map.of("prompt", "Crie um post para Instagram de uma padaria", "model", "gemini-2.5-flash");
        assertThat(Json.write(plain)).isEqualTo(JACKSON.writeValueAsBytes(plain));
    }

    private static Object value(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt();
            case 3 -> r.nextLong();
            case 4 -> r.nextInt(4) == 0 ? (double) r.nextInt(1000) : r.nextDouble() * Math.pow(10, r.nextInt(40) - 20) * (r.nextBoolean() ? 1 : -1);
            case 5, 6 -> text(r);
            case 7 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    m.put(text(r), value(r, depth + 1));
                }
                yield m;
            }
            default -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    l.add(value(r, depth + 1));
                }
                yield l;
            }
        };
    }

    /** ASCII with controls and quotes, Latin-1 (Portuguese), other BMP text, and emoji (surrogate pairs). */
    private static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            switch (r.nextInt(5)) {
                case 0 -> sb.append((char) r.nextInt(0x80));
                case 1 -> sb.append("ãçéõú\"\\/".charAt(r.nextInt(8)));
                case 2 -> sb.append((char) (0x800 + r.nextInt(0xD800 - 0x800)));
                case 3 -> sb.appendCodePoint(0x1F600 + r.nextInt(64));
                default -> sb.append(Arrays.asList("padaria", "R$ 50", "\t", "\n").get(r.nextInt(4)));
            }
        }
        return sb.toString();
    }
}
