package io.carga.core.engine;

import io.carga.core.event.EventSink;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import io.carga.core.load.MixedModel;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event sink of one scenario of a mixed run: adds {@code scenario=<name>} to each request's tags and
 * hands it on. Only runs of several scenarios pay for it (one event copy per request); the tag sets are
 * few, so each is built once.
 */
final class ScenarioTagger implements EventSink {
    private final EventSink next;
    private final String name;
    private final Tags alone;
    private final ConcurrentHashMap<Tags, Tags> tagged = new ConcurrentHashMap<>();

    ScenarioTagger(EventSink next, String name) {
        this.next = next;
        this.name = name;
        this.alone = Tags.of(MixedModel.TAG, name);
    }

    @Override
    public void record(RequestEvent e) {
        Tags t = e.tags().isEmpty() ? alone : tagged.get(e.tags());
        if (t == null) {
            t = tagged.computeIfAbsent(e.tags(), x -> x.with(MixedModel.TAG, name));
        }
        next.record(new RequestEvent(e.name(), e.type(), t, e.intendedStart(), e.start(), e.end(), e.bytesSent(),
                e.bytesReceived(), e.outcome(), e.error(), e.fields()));
    }
}
