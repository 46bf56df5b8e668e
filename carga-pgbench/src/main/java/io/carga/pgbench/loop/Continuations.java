package io.carga.pgbench.loop;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JDK's own one-shot continuations ({@code jdk.internal.vm.Continuation}, what every virtual thread runs
 * on), reached through method handles: {@code java.base} exports the package only when the JVM is told to
 * ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}; carga's jar says so in its manifest). Where it
 * is not, {@link #AVAILABLE} is false and carga db runs its clients on threads instead.
 *
 * <p>Why not virtual threads, which are made of these: a virtual thread waiting for a socket parks, a poller
 * thread wakes up when the socket is readable and hands it to a carrier thread, which wakes up too. On a
 * client that waits for a reply after every statement, that is three threads and two context switches per
 * statement, where pgbench's threads poll all their connections at once. {@link EventLoop} does what pgbench
 * does, with the clients' code still written as plain blocking Java.
 */
final class Continuations {
    static final boolean AVAILABLE;
    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle IS_DONE;
    private static final MethodHandle YIELD;

    static {
        Object scope = null;
        MethodHandle create = null, run = null, isDone = null, yield = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class)).invoke("carga-db");
            create = lookup.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            isDone = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            yield = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (Throwable notExported) {
            scope = null;
        }
        AVAILABLE = scope != null;
        SCOPE = scope;
        NEW = create;
        RUN = run;
        IS_DONE = isDone;
        YIELD = yield;
    }

    private Continuations() {
    }

    /** A continuation that runs {@code body} from its start at the first {@link #run}. */
    static Object create(Runnable body) {
        try {
            return (Object) NEW.invokeExact(SCOPE, body);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Runs {@code cont} on this thread until it yields or ends. */
    static void run(Object cont) {
        try {
            RUN.invokeExact(cont);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static boolean isDone(Object cont) {
        try {
            return (boolean) IS_DONE.invokeExact(cont);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Suspends the running continuation; false if it could not be (pinned: a native frame or a held monitor
     * on its stack), and the caller must then wait on the thread instead.
     */
    static boolean yieldNow() {
        try {
            return (boolean) YIELD.invokeExact(SCOPE);
        } catch (IllegalStateException pinned) {
            return false;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
