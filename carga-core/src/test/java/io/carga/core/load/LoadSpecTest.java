package io.carga.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSpecTest {
    private static final Duration RUN = Duration.ofMinutes(10);

    private static LoadModel model(String text) {
        return LoadSpec.parse(text).model(RUN);
    }

    @Test
    void eachKindOfLoad() {
        assertThat(model("200 users")).isEqualTo(ClosedModel.of(200, 0, RUN));
        assertThat(model("200 users spawn 20/s for 5m")).isEqualTo(ClosedModel.of(200, 20, Duration.ofMinutes(5)));
        assertThat(model("10/s max 50")).isEqualTo(OpenModel.constant(10, RUN, 50));
        assertThat(model("600/m")).isEqualTo(OpenModel.constant(10, RUN, 1000));
        assertThat(model("1m:5/s,5m:50/s max 80")).isEqualTo(new OpenModel(0,
                List.of(new Stage(Duration.ofMinutes(1), 5), new Stage(Duration.ofMinutes(5), 50)), 80));
        assertThat(model("30s:100,1m:100")).isEqualTo(new ClosedModel(Stage.parseList("30s:100,1m:100")));
        assertThat(model("500 iterations by 10 users")).isEqualTo(new IterationsModel(500, 10, false, RUN));
        assertThat(model("5 iterations by 2 users each")).isEqualTo(new IterationsModel(5, 2, true, RUN));
        assertThat(LoadSpec.parse("10/s after 30s").startAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> LoadSpec.parse("")).hasMessageContaining("empty load");
        assertThatThrownBy(() -> LoadSpec.parse("200 users forever")).hasMessageContaining("unknown word 'forever'");
        assertThatThrownBy(() -> LoadSpec.parse("10/s max")).hasMessageContaining("'max' needs a value");
        assertThatThrownBy(() -> LoadSpec.parse("1m:5/s for 2m")).hasMessageContaining("drop 'for'");
        assertThatThrownBy(() -> LoadSpec.parse("zero users")).hasMessageContaining("not a whole number");
    }
}
