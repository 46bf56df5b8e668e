package io.carga.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code live.json}: where the run was served live ({@code --listen}), so the report can say where its
 * Prometheus figures came from. Absent for a run that was not served.
 */
public final class LiveFile {
    public static final String FILE = "live.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveFile() {
    }

    public static void write(Path dir, String metricsUrl) {
        try {
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(Map.of("metrics_url", metricsUrl)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code /metrics} URL the run was served at, or null. */
    public static String metricsUrl(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return n.hasNonNull("metrics_url") ? n.get("metrics_url").asText() : null;
        } catch (IOException e) {
            return null; // a damaged extra file must not cost the report
        }
    }
}
