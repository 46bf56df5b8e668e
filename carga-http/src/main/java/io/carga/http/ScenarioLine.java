package io.carga.http;

import java.security.CodeSource;
import java.util.Objects;

/**
 * Finds the scenario line that sent a request, so a failed check says where it was written. Walks the stack
 * only when a check fails, never on the good path. Frames of carga's own jars and of the JDK are skipped.
 */
final class ScenarioLine {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource HTTP = source(ScenarioLine.class);
    private static final CodeSource CORE = source(io.carga.core.api.User.class);

    private ScenarioLine() {
    }

    /** {@code " (at MyJourney.java:42)"}, or the empty string when no scenario frame is on the stack. */
    static String suffix() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isFramework(f.getDeclaringClass()))
                .findFirst()
                .map(f -> " (at " + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse(""));
    }

    private static boolean isFramework(Class<?> c) {
        String n = c.getName();
        if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
            return true;
        }
        CodeSource s = source(c);
        return s != null && (Objects.equals(s, HTTP) || Objects.equals(s, CORE));
    }

    private static CodeSource source(Class<?> c) {
        return c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
    }
}
