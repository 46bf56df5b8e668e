package io.carga.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private final JsonNode doc = read("{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]},\"odd.key\":\"x\",\"s/l\":true}");

    @Test
    void findsNodesInEveryWrittenForm() {
        assertThat(JsonPath.compile("$.a.b[1].c").find(doc).asInt()).isEqualTo(2);
        assertThat(JsonPath.compile("a.b[0].c").find(doc).asInt()).isEqualTo(1);
        assertThat(JsonPath.compile("$['odd.key']").find(doc).asText()).isEqualTo("x");
        assertThat(JsonPath.compile("$['s/l']").find(doc).asBoolean()).isTrue();
        assertThat(JsonPath.compile("/a/b/0/c").find(doc).asInt()).isEqualTo(1);
        assertThat(JsonPath.compile("$").find(doc)).isSameAs(doc);
        assertThat(JsonPath.compile("$.a.missing").find(doc).isMissingNode()).isTrue();
        assertThat(JsonPath.compile("$.a.b")).isSameAs(JsonPath.compile("$.a.b"));
    }

    @Test
    void malformedPathsSayWhereAndWhy() {
        assertThatThrownBy(() -> JsonPath.compile("$.a[")).hasMessage("malformed JSON path '$.a[' at index 3: '[' is not closed");
        assertThatThrownBy(() -> JsonPath.compile("$.a[x]")).hasMessageContaining("expected an index or a quoted name");
        assertThatThrownBy(() -> JsonPath.compile("$.")).hasMessageContaining("a name must follow '.'");
        assertThatThrownBy(() -> JsonPath.compile("$a")).hasMessageContaining("expected '.' or '['");
        assertThatThrownBy(() -> JsonPath.compile(" ")).hasMessage("malformed JSON path: empty");
    }

    @Test
    void readingFromBytesFindsWhatTheTreeFinds() throws Exception {
        String text = "{\"a\":{\"b\":[{\"c\":1},{\"c\":2,\"d\":[1.5,\"x\"]}]},\"odd.key\":\"x\",\"s/l\":true,"
                + "\"n\":null,\"0\":\"zero\"}";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode tree = read(text);
        for (String path : java.util.List.of("$", "$.a", "$.a.b", "$.a.b[1]", "$.a.b[1].d[0]", "$.a.b[1].d[1]",
                "$.a.b[2]", "$.a.b[0].d", "$['odd.key']", "$['s/l']", "$.n", "$.n.x", "/0", "$.a.b.c",
                "$.a.b[1].c.deeper", "$.nothing")) {
            JsonPath p = JsonPath.compile(path);
            assertThat(p.find(bytes)).as(path).isEqualTo(p.find(tree));
        }
    }

    @Test
    void everyKindOfScalarReadFromBytesIsTheNodeTheTreeHolds() throws Exception {
        String text = "{\"i\":-7,\"l\":9007199254740993,\"big\":123456789012345678901234567890,\"d\":-1.25e-3,"
                + "\"e\":1E400,\"t\":true,\"f\":false,\"z\":null,\"s\":\"p\\u00e3o \\\"quente\\\"\",\"o\":{\"k\":[]}}";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode tree = read(text);
        for (String name : java.util.List.of("i", "l", "big", "d", "e", "t", "f", "z", "s", "o")) {
            JsonPath p = JsonPath.compile("$." + name);
            JsonNode fromBytes = p.find(bytes);
            assertThat(fromBytes).as(name).isEqualTo(p.find(tree));
            assertThat(fromBytes.getClass()).as(name).isEqualTo(p.find(tree).getClass());
        }
    }

    @Test
    void readingFromBytesStillRejectsMalformedJsonAfterTheNodeFound() {
        byte[] truncated = "{\"status\":\"ok\",\"content\":\"Pao".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] badLater = "{\"status\":\"ok\",\"n\":1.2.3}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonPath.compile("$.status").find(truncated)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> JsonPath.compile("$.status").find(badLater)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> JsonPath.compile("$.status").find(new byte[] {' '})).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aNameGivenTwiceCountsItsLastValueAsInATree() throws Exception {
        byte[] twice = "{\"a\":1,\"a\":{\"b\":2}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(JsonPath.compile("$.a.b").find(twice).asInt()).isEqualTo(2);
    }

    private static JsonNode read(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
