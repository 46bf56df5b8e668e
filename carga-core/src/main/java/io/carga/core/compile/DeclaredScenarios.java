package io.carga.core.compile;

import io.carga.core.api.Load;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.load.LoadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a file's user classes into the scenarios their {@link Load} annotations declare. */
final class DeclaredScenarios {
    private DeclaredScenarios() {
    }

    /** The scenarios, in the order their first class comes; empty when no class has a {@link Load}. */
    static List<ScenarioLoader.Declared> of(String file, List<Class<?>> classes, List<UserSpec> users) {
        Map<String, List<UserSpec>> members = new LinkedHashMap<>();
        Map<String, String> loads = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (UserSpec spec : users) {
            Class<?> c = classes.stream().filter(k -> k.getSimpleName().equals(spec.name())).findFirst().orElseThrow();
            Load load = c.getAnnotation(Load.class);
            if (load == null) {
                without.add(spec.name());
                continue;
            }
            String name = load.scenario().isBlank() ? spec.name() : load.scenario().trim();
            members.computeIfAbsent(name, n -> new ArrayList<>()).add(spec);
            String text = load.value().trim();
            if (!text.isEmpty()) {
                String before = loads.putIfAbsent(name, text);
                if (before != null && !before.equals(text)) {
                    throw new IllegalArgumentException(file + ": scenario " + name + " is given two loads, '" + before
                            + "' and '" + text + "'");
                }
            }
        }
        if (members.isEmpty()) {
            return List.of();
        }
        if (!without.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join(", ", without)
                    + " has no @Load while other user classes do; give every user class a @Load, or none");
        }
        List<ScenarioLoader.Declared> out = new ArrayList<>();
        members.forEach((name, specs) -> {
            String text = loads.get(name);
            if (text == null) {
                throw new IllegalArgumentException(file + ": scenario " + name + " has no load: give one @Load a value");
            }
            LoadSpec spec;
            try {
                spec = LoadSpec.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": scenario " + name + ": " + e.getMessage(), e);
            }
            out.add(new ScenarioLoader.Declared(name, new Scenario(name, specs), spec));
        });
        return out;
    }
}
