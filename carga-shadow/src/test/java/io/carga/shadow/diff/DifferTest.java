package io.carga.shadow.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.shadow.proxy.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {
    private final Differ differ = new Differ(HeaderRules.defaults());

    @Test
    void jsonBodiesAreComparedFieldByFieldWithArrayIndexesGeneralised() {
        Answer a = json("{\"a\":{\"b\":1,\"c\":[{\"t\":1},{\"t\":2}]},\"same\":true}");
        Answer b = json("{\"a\":{\"b\":2,\"c\":[{\"t\":1},{\"t\":3}]},\"same\":true,\"extra\":null}");
        assertThat(differ.fields(a, b)).containsExactly("$.a.b", "$.a.c[*].t", "$.extra");
        assertThat(differ.fields(a, a)).isEmpty();
    }

    @Test
    void keyOrderAndWhitespaceAreNotDifferences() {
        assertThat(differ.fields(json("{\"a\":1,\"b\":2}"), json("{ \"b\" : 2, \"a\" : 1 }"))).isEmpty();
    }

    @Test
    void statusAndComparedHeadersDifferButDateAndServerDoNot() {
        Answer a = new Answer(200, Map.of("Date", List.of("Mon"), "Server", List.of("a"), "Cache-Control", List.of("no-store")), new byte[0], false, 0);
        Answer b = new Answer(201, Map.of("date", List.of("Tue"), "server", List.of("b"), "cache-control", List.of("max-age=60")), new byte[0], false, 0);
        assertThat(differ.fields(a, b)).containsExactly("header:cache-control", "status");
        assertThat(new Differ(HeaderRules.defaults().ignoring(java.util.Set.of("Cache-Control"))).fields(a, b)).containsExactly("status");
    }

    @Test
    void otherBodiesAreComparedByteForByte() {
        Answer a = new Answer(200, Map.of("Content-Type", List.of("text/plain")), "one".getBytes(StandardCharsets.UTF_8), false, 0);
        Answer b = new Answer(200, Map.of("Content-Type", List.of("text/plain")), "two".getBytes(StandardCharsets.UTF_8), false, 0);
        assertThat(differ.fields(a, b)).containsExactly("body");
        assertThat(differ.fields(a, a)).isEmpty();
    }

    @Test
    void ignoredPathsCoverWhatLiesUnderThem() {
        Ignored i = new Ignored(List.of("$.meta", "$.items[0].at", "header:X-Build"));
        assertThat(i.covers("$.meta.took_ms")).isTrue();
        assertThat(i.covers("$.items[*].at")).isTrue();
        assertThat(i.covers("header:x-build")).isTrue();
        assertThat(i.covers("$.metadata")).isFalse();
        assertThat(i.covers("$.plan")).isFalse();
    }

    private static Answer json(String body) {
        return new Answer(200, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8), false, 0);
    }
}
