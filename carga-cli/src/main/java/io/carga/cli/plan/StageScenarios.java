package io.carga.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.load.LoadSpec;
import io.carga.core.load.Rates;
import io.carga.core.load.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The {@code scenarios} of a plan stage: a list of names that share the stage's closed load
 * ({@code scenarios: [browse, buy]}), or a map giving each scenario a load of its own, which run side by
 * side in one run:
 *
 * <pre>
 * mixed_test:
 *   duration: 10 minutes                      # the length of each load that does not give its own
 *   scenarios:
 *     basic_api: {users: 200}                 # closed; spawn_rate: 20 to ramp
 *     marketing_content: {rate: 10/s, max_users: 50}
 *     whatsapp: {stages: "1m:5/s,5m:50/s"}   # a ramp; user targets (30s:100) make it closed
 *     reports: "500 iterations by 10 users"  # or the scenario-file grammar ({@link LoadSpec})
 * </pre>
 *
 * Keys of a load: {@code users, spawn_rate, rate, max_users, stages, duration, iterations, per_user,
 * start_after}.
 *
 * @param names    the scenarios, in order
 * @param pointers where each name stands in the plan (for problems)
 * @param loads    each scenario's own load, by name; empty in the list form
 */
record StageScenarios(List<String> names, List<String> pointers, Map<String, LoadSpec> loads) {

    /** Reads {@code node} (at {@code at}); {@code problem} takes a pointer and a message. */
    static StageScenarios read(JsonNode node, String at, BiConsumer<String, String> problem) {
        List<String> names = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        Map<String, LoadSpec> loads = new LinkedHashMap<>();
        if (!node.isObject()) {
            for (int i = 0; i < node.size(); i++) {
                names.add(node.get(i).asText());
                pointers.add(at + "/" + i);
            }
            return new StageScenarios(names, pointers, loads);
        }
        node.fields().forEachRemaining(e -> {
            String pointer = YamlTree.child(at, e.getKey());
            names.add(e.getKey());
            pointers.add(pointer);
            try {
                loads.put(e.getKey(), e.getValue().isTextual() ? LoadSpec.parse(e.getValue().asText()) : spec(e.getValue()));
            } catch (IllegalArgumentException x) {
                problem.accept(pointer, x.getMessage());
            }
        });
        return new StageScenarios(names, pointers, loads);
    }

    private static LoadSpec spec(JsonNode n) {
        String stages = n.has("stages") ? n.get("stages").asText() : null;
        if (stages != null) {
            Stage.parseList(stages);
        }
        LoadSpec spec = new LoadSpec(n.has("users") ? n.get("users").asInt() : null,
                n.has("spawn_rate") ? n.get("spawn_rate").asDouble() : null,
                n.has("rate") ? Rates.perSecond(n.get("rate").asText()) : null,
                n.has("max_users") ? n.get("max_users").asInt() : null, stages,
                n.has("duration") ? duration(n.get("duration").asText()) : null,
                n.has("iterations") ? n.get("iterations").asLong() : null, n.path("per_user").asBoolean(false),
                n.has("start_after") ? duration(n.get("start_after").asText()) : null);
        spec.model(Duration.ofMinutes(1)); // its rules checked now
        return spec;
    }

    private static Duration duration(String text) {
        return text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : io.carga.core.threshold.Quantities.duration(text);
    }
}
