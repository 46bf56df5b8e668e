package io.carga.core.compile;

import io.carga.core.api.Load;
import io.carga.core.api.LoadShape;
import io.carga.core.api.User;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.load.LoadSpec;
import io.carga.core.load.MixedModel;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the user named ({@code journeys/MyJourney.java} or {@code com.acme.MyUser}) into a
 * {@link Scenario}: every concrete {@link User} class found, and a {@link LoadShape} if there is one.
 * When the classes carry {@link Load}, they are several scenarios with loads of their own.
 */
public final class ScenarioLoader {
    /**
     * The user kinds and the optional shape.
     *
     * @param scenarios the scenarios the classes' {@link Load}s declare, in file order; empty without any
     */
    public record Loaded(Scenario scenario, LoadShape shape, List<Declared> scenarios) {
        public Loaded {
            scenarios = List.copyOf(scenarios);
        }

        public Loaded(Scenario scenario, LoadShape shape) {
            this(scenario, shape, List.of());
        }

        /** Whether the file declares scenarios with loads of their own. */
        public boolean mixed() {
            return !scenarios.isEmpty();
        }

        /** The declared scenarios as one model, each load lasting {@code runDuration} unless it says how long. */
        public MixedModel model(Duration runDuration) {
            return new MixedModel(scenarios.stream().map(d -> d.part(runDuration)).toList());
        }
    }

    /** A scenario a file declares with {@link Load}: its name, user kinds and load. */
    public record Declared(String name, Scenario scenario, LoadSpec load) {
        MixedModel.Part part(Duration runDuration) {
            return new MixedModel.Part(name, scenario, load.model(runDuration), load.startAfter());
        }
    }

    public Loaded load(String what) throws IOException, CompileException {
        List<Class<?>> classes;
        if (what.endsWith(".java")) {
            Path file = Path.of(what);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("scenario file not found: " + what);
            }
            classes = new ScenarioCompiler().compile(file);
        } else {
            try {
                classes = List.of(Class.forName(what, true, Thread.currentThread().getContextClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("no class " + what + " on the classpath (a file must end in .java)");
            }
        }
        return fromClasses(what, classes);
    }

    @SuppressWarnings("unchecked")
    public static Loaded fromClasses(String name, List<Class<?>> classes) {
        List<UserSpec> users = new ArrayList<>();
        LoadShape shape = null;
        for (Class<?> c : classes) {
            if (Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
                continue;
            }
            if (User.class.isAssignableFrom(c)) {
                UserSpec spec = UserSpec.of((Class<? extends User>) c);
                if (spec.factory().get().taskList().isEmpty()) {
                    throw new IllegalArgumentException(c.getSimpleName() + " has no tasks: add a method annotated @Task");
                }
                users.add(spec);
            } else if (LoadShape.class.isAssignableFrom(c)) {
                try {
                    var ctor = c.getDeclaredConstructor();
                    ctor.setAccessible(true);
                    shape = (LoadShape) ctor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException(c.getSimpleName() + " needs a constructor without parameters");
                }
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(name + " declares no User class (a class extending io.carga.core.api.User)");
        }
        List<Declared> declared = DeclaredScenarios.of(name, classes, users);
        if (!declared.isEmpty() && shape != null) {
            throw new IllegalArgumentException(name + ": a LoadShape and @Load scenarios do not mix; keep one");
        }
        return new Loaded(new Scenario(name, users), shape, declared);
    }
}
