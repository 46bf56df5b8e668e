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

    private static JsonNode read(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
