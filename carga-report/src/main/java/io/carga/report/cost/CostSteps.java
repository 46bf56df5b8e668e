package io.carga.report.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@value #FILE}: what the budget guard did during a run, one JSON object a line as it happens
 * ({@code at_ms}, {@code elapsed_s}, {@code step}, {@code why}): the 80 % alert, then the action, or each
 * step of {@code optimize_test_costs}. summary.json and report.html show them under the test cost.
 */
public final class CostSteps {
    public static final String FILE = "cost_steps.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CostSteps() {
    }

    public static void append(Path dir, long atMs, double elapsedS, String step, String why) {
        try {
            String line = JSON.writeValueAsString(JSON.createObjectNode().put("at_ms", atMs).put("elapsed_s", elapsedS)
                    .put("step", step).put("why", why));
            Files.writeString(dir.resolve(FILE), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps a run recorded; empty when it recorded none. A line cut by a kill is left out. */
    public static ArrayNode read(Path dir) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        Path f = dir.resolve(FILE);
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n != null && n.has("step")) {
                        out.add(n);
                    }
                } catch (IOException cut) {
                    break;
                }
            }
        }
        return out;
    }
}
