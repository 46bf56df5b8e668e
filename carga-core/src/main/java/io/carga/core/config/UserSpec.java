package io.carga.core.config;

import io.carga.core.api.User;
import io.carga.core.api.Weight;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * One kind of virtual user in a run: a name, its share of the users, and how to make one.
 */
public record UserSpec(String name, int weight, Supplier<? extends User> factory) {
    public UserSpec {
        if (weight < 1) {
            throw new IllegalArgumentException("user class " + name + ": weight must be at least 1");
        }
    }

    /** A spec from a {@link User} subclass with a public or package no-argument constructor. */
    public static UserSpec of(Class<? extends User> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " is abstract");
        }
        Constructor<? extends User> ctor;
        try {
            ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a constructor without parameters");
        }
        Weight w = type.getAnnotation(Weight.class);
        return new UserSpec(type.getSimpleName(), w == null ? 1 : w.value(), () -> {
            try {
                return ctor.newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("cannot create " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type.getSimpleName() + ": " + e, e);
            }
        });
    }
}
