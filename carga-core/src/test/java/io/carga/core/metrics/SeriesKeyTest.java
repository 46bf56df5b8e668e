package io.carga.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Tags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SeriesKeyTest {

    @Test
    void labelsShowTagsSortedAfterTheName() {
        assertThat(new SeriesKey("POST /chat", Tags.of("tier", "ai", "model", "m1")).label()).isEqualTo("POST /chat{model=m1,tier=ai}");
        assertThat(SeriesKey.of("GET /").label()).isEqualTo("GET /");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /", "POST /chat{model=m1,tier=ai}", "GET /api/v1/users/{id}", "GET /api/v1/users/{id}{region=SP}",
            "GET /orgs/{org}/repos/{repo}", "weird{}", "x{a=b=c}"})
    void parseInvertsLabel(String label) {
        assertThat(SeriesKey.parse(label).label()).isEqualTo(label);
    }

    @Test
    void aPathTemplateIsPartOfTheNameNotATag() {
        assertThat(SeriesKey.parse("GET /api/v1/users/{id}")).isEqualTo(SeriesKey.of("GET /api/v1/users/{id}"));
        assertThat(SeriesKey.parse("GET /users/{id}{region=SP}")).isEqualTo(new SeriesKey("GET /users/{id}", Tags.of("region", "SP")));
    }
}
