package io.carga.core.event;

/**
 * Where protocol clients report finished requests. Implementations are thread-safe and must not block:
 * they are called on the virtual user's own thread, in the hot path of every request.
 */
@FunctionalInterface
public interface EventSink {
    void record(RequestEvent event);
}
