package io.carga.report.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@value #FILE}: the target's own latency metrics scraped during a run ({@code --target-metrics}), one JSON
 * object a line: {@code at_ms}, {@code users} (active then), and per {@code *_seconds} family the running
 * {@code sum} and {@code count}, added over the family's labels.
 */
public final class TargetSamples {
    public static final String FILE = "target_metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scrape. */
    public record Sample(long atMs, int users, Map<String, double[]> families) {
    }

    private TargetSamples() {
    }

    public static void append(Path dir, long atMs, int users, Map<String, double[]> families) {
        ObjectNode n = JSON.createObjectNode().put("at_ms", atMs).put("users", users);
        ObjectNode f = n.putObject("families");
        families.forEach((k, v) -> f.putObject(k).put("sum", v[0]).put("count", v[1]));
        try {
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scrapes of a run, oldest first; empty without {@value #FILE}. */
    public static List<Sample> read(Path dir) throws IOException {
        List<Sample> out = new ArrayList<>();
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException cut) {
                break;
            }
            Map<String, double[]> fam = new TreeMap<>();
            n.path("families").fields().forEachRemaining(e -> fam.put(e.getKey(),
                    new double[] {e.getValue().path("sum").asDouble(), e.getValue().path("count").asDouble()}));
            out.add(new Sample(n.path("at_ms").asLong(), n.path("users").asInt(), fam));
        }
        return out;
    }
}
