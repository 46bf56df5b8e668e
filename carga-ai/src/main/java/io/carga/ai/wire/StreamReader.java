package io.carga.ai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.http.client.BodySink;
import io.carga.http.client.SseDecoder;
import io.carga.http.client.SseEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a streamed AI answer ({@code text/event-stream}) as it arrives: each event's data is decoded by the
 * provider's {@link Wire} and kept with the exact {@code nanoTime} at which its terminating blank line was
 * read. Comment lines are skipped except the reference target's {@code : x-sim {...}} trailer, which is kept
 * for the accuracy benchmark. The first malformed event stops the stream and becomes the request's failure
 * reason. Runs on the virtual user's thread; not thread-safe.
 */
public final class StreamReader implements BodySink {
    /** One content-bearing or usage-bearing event. */
    public record Event(long arrivalNanos, String text, Usage usage) {
    }

    private static final int RAW_KEEP = 4096;

    private final Wire wire;
    private final List<Event> events = new ArrayList<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private boolean done;
    private String malformed;
    private String simTrailer;
    private Usage lastUsage;
    private boolean cumulative;

    public StreamReader(Wire wire) {
        this.wire = wire;
    }

    @Override
    public boolean onData(byte[] buf, int off, int len, long arrivalNanos) throws java.io.IOException {
        if (raw.size() < RAW_KEEP) {
            raw.write(buf, off, Math.min(len, RAW_KEEP - raw.size()));
        }
        return decoder.onData(buf, off, len, arrivalNanos);
    }

    /** The HTTP module's SSE decoder splits lines and events; this class gives the events their AI meaning. */
    private final SseDecoder decoder = new SseDecoder(new SseDecoder.Listener() {
        @Override
        public boolean onEvent(SseEvent e) {
            return dispatch(e.data(), e.arrivalNanos());
        }

        @Override
        public void onComment(String text, long arrivalNanos) {
            if (text.startsWith("x-sim ")) {
                simTrailer = text.substring(6);
            }
        }
    });

    private boolean dispatch(String d, long arrivalNanos) {
        if (d.equals("[DONE]")) {
            done = true;
            return true;
        }
        try {
            JsonNode n;
            try {
                n = Wire.TREE.readTree(d);
            } catch (Exception e) {
                throw new MalformedAnswerException("malformed SSE: event " + (events.size() + 1) + " is not JSON: "
                        + (d.length() > 60 ? d.substring(0, 60) + "…" : d));
            }
            if (n.path("error").isObject()) {
                throw new MalformedAnswerException("error event in the stream: " + Wire.errorMessage(d));
            }
            Chunk c = wire.chunk(n);
            if (c.usage() != null) {
                lastUsage = c.usage();
                cumulative = c.cumulativeOutput();
            }
            events.add(new Event(arrivalNanos, c.text(), c.usage()));
            if (c.done() && !(wire instanceof OpenAiWire)) {
                done = true;
            }
            return true;
        } catch (MalformedAnswerException e) {
            malformed = e.getMessage();
            return false;
        }
    }

    /** Events in arrival order. */
    public List<Event> events() {
        return events;
    }

    /** True when the stream reached its provider's end marker. */
    public boolean complete() {
        return done;
    }

    /** Why the stream was rejected, or null. */
    public String malformed() {
        return malformed;
    }

    /** The reference target's {@code x-sim} JSON trailer, or null. */
    public String simTrailer() {
        return simTrailer;
    }

    /** The last usage any event reported, or null. */
    public Usage usage() {
        return lastUsage;
    }

    /** True when the usages were cumulative per chunk (exact per-chunk token counts). */
    public boolean cumulativeUsage() {
        return cumulative;
    }

    /** The first bytes of the body, for error messages. */
    public String rawText() {
        return raw.toString(StandardCharsets.UTF_8);
    }

    /** The whole streamed text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(e.text()));
        return sb.toString();
    }
}
