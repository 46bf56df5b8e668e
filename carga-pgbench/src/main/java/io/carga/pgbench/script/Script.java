package io.carga.pgbench.script;

import java.util.List;

/**
 * A parsed script: its description ({@code file name} or {@code <builtin: ...>}), its weight
 * for {@code -f file@w} selection, and its commands.
 */
public record Script(String desc, int weight, List<Command> commands) {
    public Script {
        commands = List.copyOf(commands);
    }

    public Script withWeight(int w) {
        return new Script(desc, w, commands);
    }
}
