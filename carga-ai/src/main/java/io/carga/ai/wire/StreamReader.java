package io.carga.ai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.http.client.BodySink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final StringBuilder data = new StringBuilder();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private byte[] line = new byte[512];
    private int lineLength;
    private boolean afterCr;
    private boolean hasData;
    private boolean done;
    private String malformed;
    private String simTrailer;
    private Usage lastUsage;
    private boolean cumulative;

    public StreamReader(Wire wire) {
        this.wire = wire;
    }

    @Override
    public boolean onData(byte[] buf, int off, int len, long arrivalNanos) {
        if (raw.size() < RAW_KEEP) {
            raw.write(buf, off, Math.min(len, RAW_KEEP - raw.size()));
        }
        for (int i = off, end = off + len; i < end; i++) {
            byte b = buf[i];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r' || b == '\n') {
                afterCr = b == '\r';
                if (!endOfLine(arrivalNanos)) {
                    return false;
                }
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
        return true;
    }

    private boolean endOfLine(long arrivalNanos) {
        if (lineLength == 0) {
            return dispatch(arrivalNanos);
        }
        String l = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (l.charAt(0) == ':') {
            String c = l.substring(1).strip();
            if (c.startsWith("x-sim ")) {
                simTrailer = c.substring(6);
            }
            return true;
        }
        if (l.startsWith("data:")) {
            data.append(l, l.length() > 5 && l.charAt(5) == ' ' ? 6 : 5, l.length()).append('\n');
            hasData = true;
        }
        return true;
    }

    private boolean dispatch(long arrivalNanos) {
        if (!hasData) {
            return true;
        }
        String d = data.substring(0, data.length() - 1);
        data.setLength(0);
        hasData = false;
        if (d.equals("[DONE]")) {
            done = true;
            return true;
        }
        try {
            JsonNode n;
            try {
                n = Wire.JSON.readTree(d);
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
