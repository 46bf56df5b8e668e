package io.carga.shadow.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShadowResultsTest {
    @Test
    void endpointsPastTheCapShareOneEntry() {
        ShadowResults r = ShadowResults.defaults();
        for (int i = 0; i < ShadowResults.MAX_ENDPOINTS + 200; i++) {
            r.endpoint("GET /scan/path-" + i).requested();
        }
        assertThat(r.size()).isEqualTo(ShadowResults.MAX_ENDPOINTS + 1);
        assertThat(r.figures()).filteredOn(f -> f.endpoint().equals(ShadowResults.OTHER)).singleElement()
                .satisfies(f -> assertThat(f.requests()).isEqualTo(200));
        r.endpoint("GET /scan/path-3").requested();
        assertThat(r.figures()).filteredOn(f -> f.endpoint().equals("GET /scan/path-3")).singleElement()
                .satisfies(f -> assertThat(f.requests()).isEqualTo(2));
    }
}
