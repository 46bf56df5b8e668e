package io.carga.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.config.UserSpec;
import io.carga.core.load.ClosedModel;
import io.carga.core.load.MixedModel;
import io.carga.core.load.OpenModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredScenariosTest {
    @TempDir
    Path dir;

    @Test
    void aFileDeclaresSeveralScenariosEachWithItsOwnLoad() throws Exception {
        Path file = Files.writeString(dir.resolve("Mixed.java"), """
                import io.carga.core.api.*;

                public class Mixed {
                    @Load(value = "200 users", scenario = "browsing") @Weight(3)
                    public static class Reader extends User { @Task void read() { } }

                    @Load(scenario = "browsing")
                    public static class Searcher extends User { @Task void search() { } }

                    @Load(value = "10/s max 50", scenario = "ai")
                    public static class Generate extends User { @Task void generate() { } }

                    @Load("1m:5/s,5m:50/s after 30s")
                    public static class Webhooks extends User { @Task void hook() { } }
                }
                """);
        ScenarioLoader.Loaded loaded = new ScenarioLoader().load(file.toString());

        assertThat(loaded.mixed()).isTrue();
        assertThat(loaded.scenarios()).extracting(ScenarioLoader.Declared::name).containsExactlyInAnyOrder("browsing", "ai", "Webhooks");
        MixedModel m = loaded.model(Duration.ofMinutes(10));
        MixedModel.Part browsing = part(m, "browsing");
        assertThat(browsing.scenario().users()).extracting(UserSpec::name).containsExactlyInAnyOrder("Reader", "Searcher");
        assertThat(browsing.load()).isEqualTo(ClosedModel.of(200, 0, Duration.ofMinutes(10)));
        assertThat(part(m, "ai").load()).isEqualTo(OpenModel.constant(10, Duration.ofMinutes(10), 50));
        MixedModel.Part hooks = part(m, "Webhooks");
        assertThat(hooks.load()).isInstanceOf(OpenModel.class);
        assertThat(hooks.load().plannedDuration()).isEqualTo(Duration.ofMinutes(6));
        assertThat(hooks.startAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(m.plannedDuration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void withoutLoadAnnotationsAFileIsOneScenarioAsBefore() throws Exception {
        Path file = Files.writeString(dir.resolve("Plain.java"), """
                import io.carga.core.api.*;
                public class Plain extends User { @Task void a() { } }
                """);
        ScenarioLoader.Loaded loaded = new ScenarioLoader().load(file.toString());
        assertThat(loaded.mixed()).isFalse();
        assertThat(loaded.scenarios()).isEmpty();
    }

    @Test
    void mistakesAreNamed() throws Exception {
        Path half = Files.writeString(dir.resolve("Half.java"), """
                import io.carga.core.api.*;
                public class Half {
                    @Load("5 users") public static class A extends User { @Task void a() { } }
                    public static class B extends User { @Task void b() { } }
                }
                """);
        assertThatThrownBy(() -> new ScenarioLoader().load(half.toString()))
                .hasMessageContaining("B has no @Load while other user classes do");
        Path bad = Files.writeString(dir.resolve("Bad.java"), """
                import io.carga.core.api.*;
                @Load("5 usres") public class Bad extends User { @Task void a() { } }
                """);
        assertThatThrownBy(() -> new ScenarioLoader().load(bad.toString()))
                .hasMessageContaining("scenario Bad").hasMessageContaining("5 usres");
    }

    private static MixedModel.Part part(MixedModel m, String name) {
        return m.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
