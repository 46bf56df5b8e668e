package io.carga.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.api.LoadShape;
import io.carga.core.api.User;
import io.carga.core.config.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCompilerTest {
    @TempDir
    Path dir;

    private static final String SHOP = """
            import io.carga.core.api.*;
            import java.time.Duration;

            public class Shop {
                @Weight(3)
                public static class Browser extends User {
                    @Task(30) void browse() { }
                    @Task(10) void search() { }
                }

                static class Buyer extends User {
                    private Buyer() { }
                    @Task void buy() { }
                }

                public static abstract class Base extends User {
                    @Task void common() { }
                }

                public static class Spike implements LoadShape {
                    public Target tick(Duration t) { return t.toSeconds() < 10 ? Target.users(5, 1) : null; }
                }
            }
            """;

    @Test
    void compilesAndLoadsNestedUsersAndAShape() throws Exception {
        Path file = Files.writeString(dir.resolve("Shop.java"), SHOP);
        List<Class<?>> classes = new ScenarioCompiler().compile(file);
        assertThat(classes).extracting(Class::getName)
                .contains("Shop", "Shop$Browser", "Shop$Buyer", "Shop$Base", "Shop$Spike");

        ScenarioLoader.Loaded loaded = new ScenarioLoader().load(file.toString());
        assertThat(loaded.scenario().name()).isEqualTo(file.toString());
        assertThat(loaded.scenario().users()).extracting(UserSpec::name).containsExactlyInAnyOrder("Browser", "Buyer");
        UserSpec browser = loaded.scenario().users().stream().filter(u -> u.name().equals("Browser")).findFirst().orElseThrow();
        assertThat(browser.weight()).isEqualTo(3);
        User user = browser.factory().get();
        assertThat(user.taskList().entries()).extracting(e -> e.name() + ":" + e.weight()).containsExactly("browse:30", "search:10");
        assertThat(loaded.shape()).isNotNull();
        assertThat(loaded.shape().tick(Duration.ZERO)).isEqualTo(LoadShape.Target.users(5, 1));
        assertThat(loaded.shape().tick(Duration.ofSeconds(11))).isNull();
    }

    @Test
    void aBrokenFileYieldsCompilerMessagesWithFileLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("Broken.java"), """
                import io.carga.core.api.*;

                public class Broken extends User {
                    @Task void go() {
                        int x = ;
                    }
                    @Task void other() { undefined(); }
                }
                """);
        assertThatThrownBy(() -> new ScenarioCompiler().compile(file))
                .isInstanceOfSatisfying(CompileException.class, e -> {
                    assertThat(e.messages()).isNotEmpty();
                    assertThat(e.messages()).allMatch(m -> m.matches("\\Q" + file + "\\E:\\d+:\\d+: error: .+"));
                    assertThat(e.messages().get(0)).startsWith(file + ":5:");
                    assertThat(e.getMessage()).contains(file + ":5:");
                });
    }

    @Test
    void aMissingSymbolIsReportedAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("Missing.java"), """
                import io.carga.core.api.*;

                public class Missing extends User {
                    @Task void go() { undefined(); }
                }
                """);
        assertThatThrownBy(() -> new ScenarioCompiler().compile(file))
                .isInstanceOfSatisfying(CompileException.class, e -> assertThat(e.messages())
                        .singleElement().asString().startsWith(file + ":4:").contains("error: cannot find symbol"));
    }

    @Test
    void aUserWithoutTasksIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("Lazy.java"), """
                import io.carga.core.api.*;

                public class Lazy extends User {
                    void notATask() { }
                }
                """);
        assertThatThrownBy(() -> new ScenarioLoader().load(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lazy has no tasks: add a method annotated @Task");
    }

    @Test
    void aFileWithoutUsersIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("Nothing.java"), "public class Nothing { }\n");
        assertThatThrownBy(() -> new ScenarioLoader().load(file.toString()))
                .hasMessage(file + " declares no User class (a class extending io.carga.core.api.User)");
    }

    @Test
    void aMissingFileOrClassIsNamed() {
        assertThatThrownBy(() -> new ScenarioLoader().load(dir.resolve("Nope.java").toString()))
                .hasMessageStartingWith("scenario file not found: ");
        assertThatThrownBy(() -> new ScenarioLoader().load("com.acme.Nope"))
                .hasMessage("no class com.acme.Nope on the classpath (a file must end in .java)");
    }

    public static class OnClasspath extends User {
        @io.carga.core.api.Task(2)
        void ping() {
        }
    }

    @Test
    void aClassOnTheClasspathLoadsToo() throws Exception {
        ScenarioLoader.Loaded loaded = new ScenarioLoader().load(OnClasspath.class.getName());
        assertThat(loaded.scenario().users()).singleElement().extracting(UserSpec::name).isEqualTo("OnClasspath");
        assertThat(loaded.shape()).isNull();
    }
}
