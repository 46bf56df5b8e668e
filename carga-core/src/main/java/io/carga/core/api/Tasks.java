package io.carga.core.api;

import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An immutable weighted list of tasks, picked at random in proportion to their weights. Built once
 * per user from its {@link Task} methods, or written by hand:
 *
 * <pre>{@code
 * protected Tasks tasks() {
 *     return Tasks.builder().add("browse", 3, this::browse).add("buy", 1, this::buy).build();
 * }
 * }</pre>
 */
public final class Tasks {
    /** A task body: plain blocking code that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** One task with its weight. */
    public record Entry(String name, int weight, Body body) {
        public Entry {
            if (weight < 1) {
                throw new IllegalArgumentException("task " + name + ": weight must be at least 1, was " + weight);
            }
        }
    }

    /** A class's task methods, each with its name, weight and body maker, worked out once per class. */
    private static final ClassValue<List<TaskMethod>> TASK_METHODS = new ClassValue<>() {
        @Override
        protected List<TaskMethod> computeValue(Class<?> type) {
            return scan(type).stream().map(TaskMethod::of).toList();
        }
    };

    private final List<Entry> entries;
    private final int[] cumulative;
    private final int total;

    private Tasks(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.cumulative = new int[entries.size()];
        int sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            sum += entries.get(i).weight();
            cumulative[i] = sum;
        }
        this.total = sum;
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A task chosen with probability weight / total weight. */
    public Entry pick(RandomGenerator random) {
        if (entries.size() == 1) {
            return entries.get(0);
        }
        int r = random.nextInt(total);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return entries.get(lo);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@link Task}-annotated methods of {@code owner}, bound to it. */
    public static Tasks annotated(Object owner) {
        List<Entry> list = new ArrayList<>();
        for (TaskMethod t : TASK_METHODS.get(owner.getClass())) {
            list.add(new Entry(t.name(), t.weight(), t.bind(owner)));
        }
        return new Tasks(list);
    }

    /**
     * A task method and its maker of bodies from an owner: a lambda class of the method, spun once, so a
     * task call is a plain virtual call the JIT inlines. Calling a bound {@link MethodHandle} instead went
     * through its invoker on every call: a twentieth of a small HTTP task's CPU in bench/http. The maker is
     * null when the method's class does not open its package to carga; the bound handle serves then.
     */
    private record TaskMethod(Method method, String name, int weight, MethodHandle maker) {
        static TaskMethod of(Method m) {
            Task t = m.getAnnotation(Task.class);
            return new TaskMethod(m, t.name().isEmpty() ? m.getName() : t.name(), t.value(), bodyMaker(m));
        }

        Body bind(Object owner) {
            try {
                if (maker != null) {
                    return (Body) maker.invoke(owner);
                }
                method.setAccessible(true);
                MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(owner);
                return () -> {
                    try {
                        handle.invoke();
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t2) {
                        throw new IllegalStateException(t2);
                    }
                };
            } catch (Throwable e) {
                throw new IllegalStateException("cannot call task " + method + ": " + e.getMessage(), e);
            }
        }
    }

    /** A handle (owner) -> Body over a lambda class of {@code m}; null when the class does not open to carga. */
    private static MethodHandle bodyMaker(Method m) {
        try {
            Class<?> c = m.getDeclaringClass();
            MethodHandles.Lookup in = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
            return LambdaMetafactory.metafactory(in, "run", MethodType.methodType(Body.class, c),
                    MethodType.methodType(void.class), in.unreflect(m), MethodType.methodType(void.class)).getTarget();
        } catch (ReflectiveOperationException | LambdaConversionException | RuntimeException e) {
            return null;   // a named module that does not open the package: the reflective handle still works
        }
    }

    private static List<Method> scan(Class<?> type) {
        List<Method> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(Task.class)) {
                    continue;
                }
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                    throw new IllegalArgumentException("@Task method " + c.getSimpleName() + "." + m.getName()
                            + " must be an instance method without parameters");
                }
                if (found.stream().noneMatch(f -> f.getName().equals(m.getName()))) {
                    found.add(m);
                }
            }
        }
        // Declaration order is not guaranteed by reflection: sort so --seed picks reproduce across JVMs.
        found.sort(Comparator.comparing(Method::getName));
        return List.copyOf(found);
    }

    /** Builds a {@link Tasks} by hand. */
    public static final class Builder {
        private final List<Entry> list = new ArrayList<>();

        public Builder add(String name, int weight, Body body) {
            list.add(new Entry(name, weight, body));
            return this;
        }

        public Tasks build() {
            return new Tasks(list);
        }
    }
}
