package io.carga.http.client;

/**
 * One Server-Sent Event.
 *
 * @param index        0 for the first event of the stream
 * @param id           the last {@code id:} seen on the stream, or null
 * @param event        the {@code event:} type, {@code "message"} when none was given
 * @param data         the {@code data:} lines joined with newlines
 * @param firstNanos   {@link System#nanoTime()} when the first byte of this event arrived
 * @param arrivalNanos {@link System#nanoTime()} when the blank line that completes it arrived
 */
public record SseEvent(int index, String id, String event, String data, long firstNanos, long arrivalNanos) {
}
