package io.carga.core.compile;

import io.carga.core.api.LoadShape;
import io.carga.core.api.User;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the user named ({@code journeys/MyJourney.java} or {@code com.acme.MyUser}) into a
 * {@link Scenario}: every concrete {@link User} class found, and a {@link LoadShape} if there is one.
 */
public final class ScenarioLoader {
    /** The user kinds and the optional shape. */
    public record Loaded(Scenario scenario, LoadShape shape) {
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
        return new Loaded(new Scenario(name, users), shape);
    }
}
