package io.carga.cli.plan;

import io.carga.cli.ExitCode;
import io.carga.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carga init}: writes a commented starter plan holding the spec's whole strategy. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented starter plan (carga.yaml) with the spec's strategy.")
public final class InitCommand implements Callable<Integer> {
    /** The starter plan on the classpath. */
    static final String STARTER = "/io/carga/cli/plan/starter.yaml";

    @Parameters(paramLabel = "FILE", defaultValue = "carga.yaml", description = "Where to write it (default ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(file) && !force) {
            throw new UsageException(file + " exists; use --force to overwrite it");
        }
        Files.writeString(file, starter());
        System.out.println("wrote " + file + ": check it with 'carga plan check " + file + "', rehearse with 'carga pipeline --plan "
                + file + " --scale-time 0.01 --force'");
        return ExitCode.OK.code();
    }

    static String starter() throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(STARTER)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
