package io.carga.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every mistake gets one clear line on stderr and exit code 2, and nothing runs. */
@Timeout(60)
class BadInputTest {
    private static final String NOOP = "io.carga.cli.fixtures.NoopUser";

    @TempDir
    Path dir;

    private void assertUsageError(Cli.Result r, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).as("one line").singleElement().asString().startsWith("carga: ").contains(expected);
        assertThat(dir.resolve("out")).as("nothing ran").doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--bogus                | Unknown option: '--bogus'",
            "--duration 10x         | malformed duration '10x'",
            "--duration 0s          | --duration must be positive",
            "--rate abc/s           | malformed rate 'abc/s'",
            "--rate 0/s             | rate must be positive: '0/s'",
            "--stages 30s100        | malformed stage '30s100'",
            "--stages 30s:10,1m:x   | malformed stage target 'x' in '1m:x'",
            "--users 0              | --users must be at least 1, was 0",
            "--users=-3             | --users must be at least 1, was -3",
            "--spawn-rate=-1        | --spawn-rate must be positive",
            "--iterations 0         | --iterations must be at least 1, was 0",
            "--max-users 0          | --max-users must be at least 1, was 0",
            "--users lots           | Invalid value for option '--users': 'lots' is not an int"})
    void optionMistakes(String options, String expected) {
        String[] args = ("run " + NOOP + " --out " + dir.resolve("out") + " -q " + options).split(" ");
        assertUsageError(Cli.run(args), expected);
    }

    /** Issue 5's bad AI configuration: a clear error before anything runs. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-P ai.price.gpt-5o=1,2                          | ai.price.gpt-5o: unknown model 'gpt-5o'",
            "-P ai.price.gpt-4-turbo=-1,2                    | prices of 'gpt-4-turbo' must be zero or positive",
            "-P ai.budget.per-test=5                         | a limit is set without a currency",
            "-P ai.budget.per-hour=50 -P ai.budget.currency=EUR | ai.budget.currency EUR is neither BRL nor",
            "-P ai.budget.per-test=-5 -P ai.budget.currency=BRL | budget limits must be positive amounts",
            "-P ai.budget.per-test=5 -P ai.budget.currency=BRL -P ai.budget.action=explode | expected warn, ramp-down, optimize or stop",
            "-P ai.rate-limit=100/fortnight                  | ai.rate-limit: unknown unit"})
    void aiConfigMistakes(String options, String expected) {
        String[] args = ("run " + NOOP + " --out " + dir.resolve("out") + " -q " + options.strip()).split(" +");
        assertUsageError(Cli.run(args), expected);
    }

    @Test
    void aScenarioWithoutTasks() throws Exception {
        Path file = Files.writeString(dir.resolve("Lazy.java"), """
                import io.carga.core.api.*;
                public class Lazy extends User {
                    void notATask() { }
                }
                """);
        assertUsageError(Cli.run("run", file.toString(), "--out", dir.resolve("out").toString(), "-q"),
                "Lazy has no tasks: add a method annotated @Task");
    }

    @Test
    void aScenarioThatIsNotThere() {
        assertUsageError(Cli.run("run", dir.resolve("Missing.java").toString(), "--out", dir.resolve("out").toString()),
                "scenario file not found");
        assertUsageError(Cli.run("run", "com.acme.Missing", "--out", dir.resolve("out").toString()), "no class com.acme.Missing");
    }

    @Test
    void anOutFolderThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Cli.Result r = Cli.run("run", NOOP, "--duration", "1s", "-q", "--out", file.resolve("results").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("carga: cannot create results folder " + file.resolve("results"));
    }

    @Test
    void aScenarioThatDoesNotCompileShowsTheCompilerMessages() throws Exception {
        Path file = Files.writeString(dir.resolve("Broken.java"), """
                import io.carga.core.api.*;
                public class Broken extends User {
                    @Task void go() { int x = ; }
                }
                """);
        Cli.Result r = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString(), "-q");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).first().asString().startsWith(file + ":3:").contains(": error: ");
        assertThat(r.errLines()).last().asString().isEqualTo("carga: " + file + " does not compile; the run did not start");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void reportOnAFolderThatIsNotAResultsFolder() {
        Cli.Result r = Cli.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("carga: ").contains("is not a carga results folder");
    }

    @Test
    void noScenarioAtAll() {
        assertUsageError(Cli.run("run", "--out", dir.resolve("out").toString()), "give a SCENARIO");
    }
}
