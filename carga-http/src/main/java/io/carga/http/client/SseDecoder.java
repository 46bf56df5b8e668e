package io.carga.http.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link BodySink} that decodes {@code text/event-stream} (the WHATWG Server-Sent Events format) and hands
 * each event to a listener the moment its terminating blank line arrives. Lines may end with CRLF, LF or CR;
 * comment lines ({@code :keep-alive}) go to {@link Listener#onComment}, which ignores them by default; an event left unfinished at the end of the stream is dropped,
 * as the format requires.
 *
 * <pre>{@code
 * agent.send(request, new SseDecoder(e -> { System.out.println(e.data()); return !e.data().equals("[DONE]"); }));
 * }</pre>
 */
public final class SseDecoder implements BodySink {

    /** Receives events on the reading thread; returns false to stop the stream. */
    @FunctionalInterface
    public interface Listener {
        boolean onEvent(SseEvent event) throws java.io.IOException;

        /** A comment line ({@code : text}), without its colon; ignored unless a listener wants it. */
        default void onComment(String text, long arrivalNanos) {
        }
    }

    private final Listener listener;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCr;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType;
    private String lastId;
    private long firstNanos;
    private int count;

    public SseDecoder(Listener listener) {
        this.listener = listener;
    }

    /** Events dispatched so far. */
    public int count() {
        return count;
    }

    @Override
    public boolean onData(byte[] buf, int off, int len, long arrivalNanos) throws java.io.IOException {
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
                if (firstNanos == 0) {
                    firstNanos = arrivalNanos;
                }
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
        return true;
    }

    private boolean endOfLine(long arrivalNanos) throws java.io.IOException {
        if (lineLength == 0) {
            return dispatch(arrivalNanos);
        }
        if (firstNanos == 0) {
            firstNanos = arrivalNanos;
        }
        String l = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (l.charAt(0) == ':') {
            listener.onComment(l.substring(1).strip(), arrivalNanos);
            return true;
        }
        int colon = l.indexOf(':');
        String field = colon < 0 ? l : l.substring(0, colon);
        String value = colon < 0 ? "" : l.substring(colon + (colon + 1 < l.length() && l.charAt(colon + 1) == ' ' ? 2 : 1));
        switch (field) {
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> { } // "retry" and unknown fields do not matter to a load generator
        }
        return true;
    }

    private boolean dispatch(long arrivalNanos) throws java.io.IOException {
        long first = firstNanos == 0 ? arrivalNanos : firstNanos;
        firstNanos = 0;
        if (!hasData) {
            eventType = null;
            return true;
        }
        String d = data.substring(0, data.length() - 1);
        SseEvent e = new SseEvent(count++, lastId, eventType == null ? "message" : eventType, d, first, arrivalNanos);
        data.setLength(0);
        hasData = false;
        eventType = null;
        return listener.onEvent(e);
    }
}
