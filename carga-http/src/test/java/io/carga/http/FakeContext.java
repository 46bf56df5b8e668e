package io.carga.http;

import io.carga.core.api.Metrics;
import io.carga.core.api.UserContext;
import io.carga.core.event.EventSink;
import io.carga.core.event.RequestEvent;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** A user context outside any engine: records the events, shares objects, closes them in {@link #close()}. */
final class FakeContext implements UserContext, AutoCloseable {
    final List<RequestEvent> events = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final String target;
    private final Map<String, String> properties;
    volatile long intendedStart;

    FakeContext(String target) {
        this(target, Map.of());
    }

    FakeContext(String target, Map<String, String> properties) {
        this.target = target;
        this.properties = properties;
    }

    RequestEvent last() {
        return events.get(events.size() - 1);
    }

    @Override
    public int userId() {
        return 0;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom(1);
    }

    @Override
    public EventSink events() {
        return events::add;
    }

    @Override
    public Metrics metrics() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long takeIntendedStart() {
        long t = intendedStart;
        intendedStart = 0;
        return t;
    }

    @Override
    public boolean stopping() {
        return false;
    }

    @Override
    public boolean cutOff() {
        return false;
    }

    @Override
    public boolean sleepUntil(long deadline) {
        return true;
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public void close() throws Exception {
        for (Object o : shared.values()) {
            if (o instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
